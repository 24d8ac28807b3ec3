using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Agreements;

public abstract class KeyTaskProgress_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RefusedProgressTestApplication
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Should_Leave_No_Evidence_File_When_The_Progress_Report_Cannot_Be_Saved()
    {
        var agreement = await InForceAsync("兰州", 2040);
        var before = await StoredAsync();

        app.Refusal.Armed = true;
        try
        {
            await Should.ThrowAsync<ForbiddenException>(() => ReportAsync(agreement.Id, "K02", 30));
        }
        finally
        {
            app.Refusal.Armed = false;
        }

        (await StoredAsync()).ShouldBe(before);

        var report = await ReportAsync(agreement.Id, "K02", 30);
        report.Percent.ShouldBe(30);
        report.EvidenceAttachmentId.ShouldNotBeNull();
        (await StoredAsync()).ShouldBe((before.Attachments + 1, before.Contents + 1, before.Reports + 1));
        var files = await app.AsUserAsync("兰州", "admin", sp => sp.GetRequiredService<IAgreementAttachmentAppService>().GetAttachmentsAsync(agreement.Id));
        var evidence = files.ShouldHaveSingleItem();
        evidence.Id.ShouldBe(report.EvidenceAttachmentId!.Value);
        evidence.Kind.ShouldBe(nameof(AgreementAttachmentKind.Evidence));
        evidence.FileName.ShouldBe("会议纪要.pdf");
    }

    [Fact]
    public async Task Should_Leave_No_Evidence_File_When_The_Report_Breaks_A_Rule()
    {
        var agreement = await InForceAsync("天水", 2041);
        var before = await StoredAsync("天水");

        var refused = await Should.ThrowAsync<BusinessException>(() => ReportAsync(agreement.Id, "K02", 101, "天水"));

        refused.Code.ShouldBe(AgreementErrorCodes.PercentOutOfRange);
        (await StoredAsync("天水")).ShouldBe(before);
    }

    private Task<KeyTaskProgressDto> ReportAsync(Guid id, string task, int percent, string city = "兰州") =>
        app.AsUserAsync(city, "admin", sp => sp.GetRequiredService<IKeyTaskProgressAppService>()
            .ReportProgressAsync(id, task, new ReportProgressInput { Percent = percent, Note = "按节点推进" }, "会议纪要.pdf", new MemoryStream(Pdf), Pdf.Length));

    /// <summary>The city's file rows, file contents and progress reports, whatever agreement they belong to.</summary>
    private Task<(int Attachments, int Contents, int Reports)> StoredAsync(string city = "兰州") =>
        app.AsUserAsync(city, "admin", async sp =>
        {
            var attachments = sp.GetRequiredService<IRepository<AgreementAttachment>>();
            var contents = sp.GetRequiredService<IRepository<AgreementAttachmentContent>>();
            var reports = sp.GetRequiredService<IRepository<KeyTaskProgress>>();
            return (await attachments.CountAsync(attachments.Query()), await contents.CountAsync(contents.Query()), await reports.CountAsync(reports.Query()));
        });

    /// <summary>An agreement with the pilot plan's key tasks, issued by the province, signed by the city and put in force.</summary>
    private async Task<AgreementDto> InForceAsync(string city, int year)
    {
        var cityId = await app.TenantIdAsync(city);
        var schemeId = await app.WithScopeAsync(async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            return (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime).Select(s => s.Id))).First();
        });
        var agreement = await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IAgreementAppService>()
            .CreateAsync(new CreateAgreementInput { CityId = cityId, SchemeId = schemeId, Year = year, WithPlanKeyTasks = true }));
        await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IAgreementAppService>().IssueAsync(agreement.Id));
        await app.AsUserAsync(city, "admin", sp => sp.GetRequiredService<IAgreementAppService>().SignAsync(agreement.Id, new SignAgreementInput { Signatory = "张明" }));
        return await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IAgreementAppService>().PutInForceAsync(agreement.Id));
    }
}

public sealed class KeyTaskProgress_Sqlite_Tests(SqliteRefusedProgressTestApplication app) : KeyTaskProgress_Tests<SqliteRefusedProgressTestApplication>(app);

public sealed class KeyTaskProgress_MySql_Tests(MySqlRefusedProgressTestApplication app) : KeyTaskProgress_Tests<MySqlRefusedProgressTestApplication>(app);
