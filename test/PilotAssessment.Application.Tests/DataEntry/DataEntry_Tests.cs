using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.DataEntry;

/// <summary>Saving lines through the application services: concurrency and history, values checked by the rule, evidence by its bytes, workbooks.</summary>
public abstract class DataEntry_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Refuse_A_Stale_Save_With_The_Other_Value_And_Keep_Both_Changes_In_The_History()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var first = await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B04", Number(80)));
        var other = await app.DataEntryAsync("金昌", "admin", e => e.SaveAsync(period.Id, "B04", Number(85), first.ConcurrencyStamp));

        var conflict = await Should.ThrowAsync<ConflictException>(() => app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B04", Number(90), first.ConcurrencyStamp)));

        var current = conflict.Current.ShouldBeOfType<EntryLineDto>();
        current.Value.Number.ShouldBe(85m);
        current.ConcurrencyStamp.ShouldBe(other.ConcurrencyStamp);
        var line = await app.DataEntryAsync("金昌", "clerk", e => e.GetLineAsync(first.Id!.Value));
        line.Value.Number.ShouldBe(85m);
        var history = await app.DataEntryAsync("金昌", "clerk", e => e.GetHistoryAsync(first.Id!.Value));
        history.Select(h => h.NewValue.Number).ShouldBe([80m, 85m]);
        history[1].OldValue!.Number.ShouldBe(80m);
        history[1].UserName.ShouldBe("admin");
    }

    [Fact]
    public async Task Should_Validate_Values_By_The_Rule_And_Evidence_By_Its_Bytes()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));

        var percent = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "I01", Number(120))));
        percent.Errors["value.number"].AsText().ShouldBe([$"{DataEntryErrorCodes.PercentOutOfRange}|0|100"]);
        var grade = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "F01", new EntryValueDto { Grade = "甲" })));
        grade.Errors.Keys.ShouldContain("value.grade");
        var checklist = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "A02", new EntryValueDto { ChecklistPresent = ["演练"] })));
        checklist.Errors.Keys.ShouldContain("value.checklistPresent");
        var negative = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "A01", new EntryValueDto { Occurrences = [new EntryOccurrenceDto { Count = -1 }] })));
        negative.Errors.Keys.ShouldContain("value.occurrences[0].count");
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "Z99", Number(1)))))
            .Code.ShouldBe(DataEntryErrorCodes.UnknownIndicator);

        var line = await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "F01", new EntryValueDto { Grade = "良" }));
        var text = "plain text pretending to be a pdf"u8.ToArray();
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.UploadEvidenceAsync(line.Id!.Value, "a.pdf", new MemoryStream(text), text.Length))))
            .Code.ShouldBe(DataEntryErrorCodes.EvidenceType);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var file = await app.DataEntryAsync("酒泉", "clerk", e => e.UploadEvidenceAsync(line.Id!.Value, "photo.bin", new MemoryStream(png), png.Length));
        file.ContentType.ShouldBe("image/png");
        (await app.DataEntryAsync("酒泉", "clerk", e => e.DownloadEvidenceAsync(file.Id))).Content.ShouldBe(png);
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.UploadEvidenceAsync(line.Id!.Value, "big.pdf", new MemoryStream(Pdf), DataEntryConsts.MaxEvidenceBytes + 1))))
            .Code.ShouldBe(DataEntryErrorCodes.EvidenceTooLarge);
    }

    [Fact]
    public async Task Should_Save_Every_Row_Of_An_Uploaded_Workbook_Or_Nothing()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var template = await app.DataEntryAsync("张掖", "clerk", e => e.DownloadTemplateAsync(period.Id));
        EntryXlsx.Read(new MemoryStream(template.Content)).Count.ShouldBe(30);

        var good = EntryXlsx.Template([Row("B04", new EntryValueDto { Number = 90 }), Row("F01", new EntryValueDto { Grade = "优" }), Row("A02", new EntryValueDto { ChecklistPresent = ["制度", "台账"] })]);
        var sheet = await app.DataEntryAsync("张掖", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(good)));
        sheet.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(90m);
        sheet.Lines.Single(l => l.IndicatorCode == "F01").Value.Grade.ShouldBe("优");
        sheet.Lines.Single(l => l.IndicatorCode == "A02").Value.ChecklistPresent.ShouldBe(["制度", "台账"]);

        var bad = EntryXlsx.Template([Row("B04", new EntryValueDto { Number = 88 }), Row("I01", new EntryValueDto { Number = 150 }), Row("F01", new EntryValueDto { Grade = "甲" })]);
        var invalid = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("张掖", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(bad))));
        invalid.Code.ShouldBe(DataEntryErrorCodes.XlsxInvalid);
        invalid.Errors["E3"].AsText().ShouldBe([$"{DataEntryErrorCodes.PercentOutOfRange}|0|100"]);
        invalid.Errors.Keys.ShouldContain("G4");
        invalid.Errors.Count.ShouldBe(2);
        (await app.DataEntryAsync("张掖", "clerk", e => e.GetSheetAsync(period.Id))).Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(90m);
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("张掖", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(Pdf)))))
            .Code.ShouldBe(DataEntryErrorCodes.XlsxUnreadable);
    }

    private static EntryLineDto Row(string code, EntryValueDto value) => new() { IndicatorCode = code, IndicatorName = code, Value = value };
}

public sealed class DataEntry_Sqlite_Tests(SqliteTestApplication app) : DataEntry_Tests<SqliteTestApplication>(app);

public sealed class DataEntry_MySql_Tests(MySqlTestApplication app) : DataEntry_Tests<MySqlTestApplication>(app);
