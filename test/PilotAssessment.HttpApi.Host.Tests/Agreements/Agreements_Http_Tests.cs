using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;
using static PilotAssessment.Agreements.AgreementTestClient;

namespace PilotAssessment.Agreements;

public abstract class Agreements_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Walk_The_Life_Cycle_And_Refuse_Every_Illegal_Transition()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var cityAdmin = await host.ClientForAsync("兰州", "admin");
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var agreement = await CreateAsync(host, official, "兰州", 2031);
        agreement.Status.ShouldBe("Draft");
        agreement.CityName.ShouldBe("兰州市");
        agreement.Lines.Count.ShouldBe(30);
        agreement.Title.ShouldContain("兰州市");
        var id = agreement.Id;

        // A second agreement for the same city and year is refused; a draft is the province's own until issued.
        var schemeId = agreement.SchemeId;
        (await official.PostAsJsonAsync(Url, new CreateAgreementInput { CityId = agreement.CityId!.Value, SchemeId = schemeId, Year = 2031 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cityAdmin.GetAsync($"{Url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cityAdmin.PostAsJsonAsync($"{Url}/{id}/sign", new SignAgreementInput())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await RefusedAsync(official, id, "put-in-force", "close", "amend");

        agreement = await PostAsync(official, id, "issue");
        agreement.Status.ShouldBe("Issued");
        agreement.IssuedTime.ShouldNotBeNull();
        await RefusedAsync(official, id, "issue", "put-in-force", "close", "amend");
        (await official.PutAsJsonAsync($"{Url}/{id}", StandardBody(agreement))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await official.DeleteAsync($"{Url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clerk.PostAsJsonAsync($"{Url}/{id}/sign", new SignAgreementInput())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.PostAsJsonAsync($"{Url}/{id}/sign", new SignAgreementInput())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        agreement = await PostAsync(cityAdmin, id, "sign", new SignAgreementInput { Signatory = "张明" });
        agreement.Status.ShouldBe("Signed");
        agreement.SignedByName.ShouldBe("张明");
        agreement.SignedByUserId.ShouldBe(await OrganizationUnits_Http_Tests<THost>.UserIdAsync(cityAdmin, "admin"));
        agreement.SignedTime.ShouldNotBeNull();
        await RefusedAsync(official, id, "issue", "close");
        await RefusedAsync(cityAdmin, id, "sign");
        (await cityAdmin.PostAsync($"{Url}/{id}/put-in-force", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        agreement = await PostAsync(official, id, "put-in-force");
        agreement.Status.ShouldBe("InForce");
        await RefusedAsync(official, id, "issue", "put-in-force");
        await RefusedAsync(cityAdmin, id, "sign");

        agreement = await PostAsync(official, id, "close");
        agreement.Status.ShouldBe("Closed");
        await RefusedAsync(official, id, "issue", "put-in-force", "close", "amend");
        await RefusedAsync(cityAdmin, id, "sign");

        using var english = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{id}/issue");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await official.SendAsync(english)).ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("The agreement is closed; it cannot become issued.");

        // A draft can be deleted; a closed agreement lets the city start the year again, here from the pilot plan's key tasks.
        var created = await official.PostAsJsonAsync(Url, new CreateAgreementInput { CityId = agreement.CityId!.Value, SchemeId = schemeId, Year = 2031, WithPlanKeyTasks = true });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var again = (await created.ReadJsonAsync<AgreementDto>())!;
        again.KeyTasks.Count.ShouldBe(20);
        var k01 = again.KeyTasks.Single(t => t.Code == "K01");
        k01.ResponsibleUnit.ShouldBe("市委办公室");
        k01.DueDate.ShouldBe(new DateTime(2031, 3, 31)); // the plan's March, in the agreement's year
        k01.Status.ShouldBe("NotStarted");
        again.KeyTasks.ShouldAllBe(t => t.DueDate!.Value.Year == 2031);
        again.KeyTasks.Select(t => t.Area).Distinct().Count().ShouldBe(4);
        (await official.DeleteAsync($"{Url}/{again.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.GetAsync($"{Url}/{again.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Amend_A_Signed_Agreement_As_A_New_Version_And_Diff_The_Versions()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var cityAdmin = await host.ClientForAsync("天水", "admin");
        var v1 = await InForceAsync(host, official, "天水", 2032);
        var d01 = v1.Lines.Single(l => l.Code == "D01");
        d01.SchemeTarget.ShouldBe(98);
        d01.Target.ShouldBe(99);
        d01.EffectiveTarget.ShouldBe(99);
        v1.Lines.Single(l => l.Code == "X1").IsExtra.ShouldBeTrue();
        await AssertD01ScoresAgainstAsync(v1.CityId!.Value, 2032, 99m);

        var v2 = await PostAsync(official, v1.Id, "amend");
        v2.Version.ShouldBe(2);
        v2.Status.ShouldBe("Draft");
        v2.PreviousVersionId.ShouldBe(v1.Id);
        v2.SeriesId.ShouldBe(v1.Id);
        v2.Lines.Single(l => l.Code == "D01").Target.ShouldBe(99);
        (await official.PostAsync($"{Url}/{v1.Id}/amend", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await official.PutAsJsonAsync($"{Url}/{v1.Id}", StandardBody(v1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var body = StandardBody(v2);
        body.Targets = [new AgreementTargetInput { Code = "D01", Target = 97 }];
        body.ExtraLines = [new AgreementExtraLineInput { Code = "X2", Name = "平安村（社区）创建率", MaxPoints = 1, Target = 90 }];
        body.KeyTasks[0].DueDate = new DateTime(2032, 6, 30);
        body.KeyTasks.RemoveAt(1);
        body.KeyTasks.Add(new AgreementKeyTaskInput { Code = "K05", Area = "完善共治格局", Task = "培育扶持社区社会组织和志愿服务队伍", ResponsibleUnit = "市民政局", DueDate = new DateTime(2032, 12, 31) });
        body.Duties = ["落实平安建设领导责任制", "每月研究一次试点工作"];
        await UpdateAsync(official, v2.Id, body);

        var diff = await official.GetFromJsonAsync<AgreementDiffDto>($"{Url}/{v1.Id}/diff/{v2.Id}", HttpJson.Options);
        diff!.FromVersion.ShouldBe(1);
        diff.ToVersion.ShouldBe(2);
        diff.LinesAdded.ShouldBe(["X2"]);
        diff.LinesRemoved.ShouldBe(["X1"]);
        diff.TargetsChanged.ShouldBe([new TargetChangeDto("D01", 99, 97)]);
        diff.TasksAdded.ShouldBe(["K05"]);
        diff.TasksRemoved.ShouldBe(["K02"]);
        diff.TasksChanged.Single().Code.ShouldBe("K01");
        diff.TasksChanged.Single().Fields.ShouldBe(["dueDate"]);
        var duties = diff.ListsChanged.Single();
        duties.List.ShouldBe("duties");
        duties.Added.ShouldBe(["每月研究一次试点工作"]);
        duties.Removed.ShouldBe(["每季度研究一次试点工作"]);

        // The city sees the draft amendment only once it is issued; until then version 1 stays in force.
        (await cityAdmin.GetFromJsonAsync<List<AgreementVersionDto>>($"{Url}/{v1.Id}/versions", HttpJson.Options))!.Select(v => v.Version).ShouldBe([1]);
        await PostAsync(official, v2.Id, "issue");
        await PostAsync(cityAdmin, v2.Id, "sign", new SignAgreementInput());
        await AssertD01ScoresAgainstAsync(v1.CityId!.Value, 2032, 99m);
        (await PostAsync(official, v2.Id, "put-in-force")).Status.ShouldBe("InForce");
        await AssertD01ScoresAgainstAsync(v1.CityId!.Value, 2032, 97m);

        var old = await cityAdmin.GetFromJsonAsync<AgreementDto>($"{Url}/{v1.Id}", HttpJson.Options);
        old!.Status.ShouldBe("Superseded");
        old.Lines.Single(l => l.Code == "D01").Target.ShouldBe(99);
        var versions = await cityAdmin.GetFromJsonAsync<List<AgreementVersionDto>>($"{Url}/{v2.Id}/versions", HttpJson.Options);
        versions!.Select(v => (v.Version, v.Status)).ShouldBe([(1, "Superseded"), (2, "InForce")]);
        (await cityAdmin.GetFromJsonAsync<AgreementDiffDto>($"{Url}/{v1.Id}/diff/{v2.Id}", HttpJson.Options))!.TargetsChanged.Single().New.ShouldBe(97);
        await RefusedAsync(official, v1.Id, "put-in-force", "close", "amend");
    }

    [Fact]
    public async Task Should_Accept_Only_Pdf_Png_And_Jpeg_Scans_Up_To_10_MB_Judged_By_Content()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        var agreement = await CreateAsync(host, official, "金昌", 2033);
        await PostAsync(official, agreement.Id, "issue");

        var pdf = await UploadAsync(cityAdmin, agreement.Id, Pdf, "签字扫描件.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        var pdfDto = (await pdf.ReadJsonAsync<AgreementAttachmentDto>())!;
        pdfDto.ContentType.ShouldBe("application/pdf");
        pdfDto.FileName.ShouldBe("签字扫描件.pdf");
        var png = await UploadAsync(cityAdmin, agreement.Id, Png, "scan.jpg");
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pngDto = (await png.ReadJsonAsync<AgreementAttachmentDto>())!;
        pngDto.ContentType.ShouldBe("image/png");
        (await UploadAsync(cityAdmin, agreement.Id, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "photo.jpeg")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var renamed = await UploadAsync(cityAdmin, agreement.Id, "<html>not a pdf</html>"u8.ToArray(), "scan.pdf");
        renamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await renamed.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("只接受 PDF、PNG 或 JPEG 文件（按文件内容判断）。");
        (await UploadAsync(cityAdmin, agreement.Id, [], "empty.pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var huge = new byte[AgreementConsts.MaxAttachmentBytes + 1];
        Pdf.CopyTo(huge, 0);
        var tooBig = await UploadAsync(cityAdmin, agreement.Id, huge, "big.pdf");
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooBig.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("文件超过10 MB。");
        (await UploadAsync(clerk, agreement.Id, Pdf, "scan.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var list = await cityAdmin.GetFromJsonAsync<List<AgreementAttachmentDto>>($"{Url}/{agreement.Id}/attachments", HttpJson.Options);
        list!.Count.ShouldBe(3);
        list.Single(a => a.Id == pdfDto.Id).Size.ShouldBe(Pdf.Length);
        (await cityAdmin.GetByteArrayAsync($"{Url}/{agreement.Id}/attachments/{pdfDto.Id}")).ShouldBe(Pdf);
        var download = await official.GetAsync($"{Url}/{agreement.Id}/attachments/{pngDto.Id}");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Png);

        (await clerk.DeleteAsync($"{Url}/{agreement.Id}/attachments/{pngDto.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cityAdmin.DeleteAsync($"{Url}/{agreement.Id}/attachments/{pngDto.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cityAdmin.GetAsync($"{Url}/{agreement.Id}/attachments/{pngDto.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cityAdmin.GetFromJsonAsync<List<AgreementAttachmentDto>>($"{Url}/{agreement.Id}/attachments", HttpJson.Options))!.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_Answer_404_For_Another_Citys_Agreement_Attachment_And_Unit_On_Every_Endpoint()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var lanzhou = await host.ClientForAsync("兰州", "admin");
        var theirs = await InForceAsync(host, official, "兰州", 2034);
        var theirFile = (await (await UploadAsync(lanzhou, theirs.Id, Pdf, "scan.pdf")).ReadJsonAsync<AgreementAttachmentDto>())!;
        var theirUnit = await OrganizationUnits_Http_Tests<THost>.CreateAsync(lanzhou, "LZ-2034", "兰州市民政局", OrganizationUnitKind.Department, null);
        (await ReportAsync(lanzhou, theirs.Id, "K02", 10)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mine = await InForceAsync(host, official, "天水", 2034);

        foreach (var user in new[] { "admin", "clerk" })
        {
            using var tianshui = await host.ClientForAsync("天水", user);
            var id = theirs.Id;
            (await tianshui.GetAsync($"{Url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/diff/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{mine.Id}/diff/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/attachments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/attachments/{theirFile.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{mine.Id}/attachments/{theirFile.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/key-tasks/K02/progress")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await tianshui.GetAsync($"{Url}/{id}/export/docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ReportAsync(tianshui, id, "K02", 20)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var list = await tianshui.GetFromJsonAsync<PagedResultDto<AgreementDto>>($"{Url}?maxResultCount=1000", HttpJson.Options);
            list!.Items.ShouldNotContain(a => a.Id == id);
            list.Items.ShouldAllBe(a => a.CityName == "天水市");
        }

        using var admin = await host.ClientForAsync("天水", "admin");
        (await admin.PostAsJsonAsync($"{Url}/{theirs.Id}/sign", new SignAgreementInput())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(admin, theirs.Id, Pdf, "scan.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"{Url}/{theirs.Id}/attachments/{theirFile.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"{Url}/{mine.Id}/attachments/{theirFile.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync($"{Url}/{theirs.Id}/assignments", new AssignUnitsInput())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync($"{Url}/{mine.Id}/assignments", new AssignUnitsInput { Lines = [new UnitAssignmentInput { Code = "D01", UnitId = theirUnit.Id }] }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The province cannot name one city's unit as responsible in another city's agreement.
        var draft = await CreateAsync(host, official, "天水", 2039);
        var body = StandardBody(draft);
        body.KeyTasks[0].ResponsibleUnitId = theirUnit.Id;
        (await official.PutAsJsonAsync($"{Url}/{draft.Id}", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Nothing of Lanzhou changed.
        (await lanzhou.GetFromJsonAsync<List<AgreementAttachmentDto>>($"{Url}/{theirs.Id}/attachments", HttpJson.Options))!.Single().Id.ShouldBe(theirFile.Id);
        (await lanzhou.GetFromJsonAsync<List<KeyTaskProgressDto>>($"{Url}/{theirs.Id}/key-tasks/K02/progress", HttpJson.Options))!.Single().Percent.ShouldBe(10);
        (await lanzhou.GetFromJsonAsync<AgreementDto>($"{Url}/{theirs.Id}", HttpJson.Options))!.Status.ShouldBe("InForce");
    }

    [Fact]
    public async Task Should_Show_A_Units_Clerk_Only_What_Is_Assigned_To_The_Unit()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var agreement = await InForceAsync(host, official, "酒泉", 2035);
        var id = agreement.Id;
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JQ-GA-2035", "酒泉市公安局", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, "JQ-SF-2035", "酒泉市司法局", OrganizationUnitKind.Department, null);
        (await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "clerk-sf", Name = "司法局填报员", Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/app/organization-units/{police.Id}/members/{await OrganizationUnits_Http_Tests<THost>.UserIdAsync(admin, "clerk")}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/app/organization-units/{justice.Id}/members/{await OrganizationUnits_Http_Tests<THost>.UserIdAsync(admin, "clerk-sf")}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var policeClerk = await host.ClientForAsync("酒泉", "clerk");
        using var justiceClerk = await host.ClientForAsync("酒泉", "clerk-sf", password: PilotAssessmentHostFixture.NewUserPassword);

        // Nothing assigned yet: a clerk sees the agreement but none of its lines or tasks.
        var before = await policeClerk.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        before!.Lines.ShouldBeEmpty();
        before.KeyTasks.ShouldBeEmpty();

        (await policeClerk.PutAsJsonAsync($"{Url}/{id}/assignments", new AssignUnitsInput())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var assigned = await admin.PutAsJsonAsync($"{Url}/{id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B01", UnitId = police.Id }, new() { Code = "D01", UnitId = justice.Id }, new() { Code = "X1", UnitId = justice.Id }],
            KeyTasks = [new() { Code = "K01", UnitId = police.Id }, new() { Code = "K02", UnitId = justice.Id }],
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await admin.PutAsJsonAsync($"{Url}/{id}/assignments", new AssignUnitsInput { Lines = [new() { Code = "NOPE", UnitId = police.Id }] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var seenByPolice = await policeClerk.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        seenByPolice!.Lines.Select(l => l.Code).ShouldBe(["B01"]);
        seenByPolice.KeyTasks.Select(t => t.Code).ShouldBe(["K01"]);
        var seenByJustice = await justiceClerk.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        seenByJustice!.Lines.Select(l => l.Code).ShouldBe(["D01", "X1"], ignoreOrder: true);
        seenByJustice.KeyTasks.Select(t => t.Code).ShouldBe(["K02"]);
        var seenByAdmin = await admin.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        seenByAdmin!.Lines.Count.ShouldBe(31);
        seenByAdmin.KeyTasks.Count.ShouldBe(4);

        // A clerk of no unit sees nothing of the cascade; the city admin sees the whole roll-up.
        (await admin.PostAsJsonAsync("/api/app/users", new CreateUserInput { UserName = "clerk-none", Name = "未分配", Password = PilotAssessmentHostFixture.NewUserPassword, RoleNames = ["clerk"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var unassigned = await host.ClientForAsync("酒泉", "clerk-none", password: PilotAssessmentHostFixture.NewUserPassword);
        var seenByNobody = await unassigned.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        seenByNobody!.Lines.ShouldBeEmpty();
        seenByNobody.KeyTasks.ShouldBeEmpty();
        (await ReportAsync(unassigned, id, "K01", 10)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Reporting follows what is visible: another unit's task is not there for the clerk.
        (await ReportAsync(policeClerk, id, "K02", 50)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await policeClerk.GetAsync($"{Url}/{id}/key-tasks/K02/progress")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var report = await ReportAsync(justiceClerk, id, "K02", 50, file: Png);
        report.StatusCode.ShouldBe(HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
        var evidenceId = (await report.ReadJsonAsync<KeyTaskProgressDto>())!.EvidenceAttachmentId!.Value;
        (await justiceClerk.GetFromJsonAsync<List<AgreementAttachmentDto>>($"{Url}/{id}/attachments", HttpJson.Options))!.ShouldContain(a => a.Id == evidenceId);
        (await policeClerk.GetFromJsonAsync<List<AgreementAttachmentDto>>($"{Url}/{id}/attachments", HttpJson.Options))!.ShouldNotContain(a => a.Id == evidenceId);
        (await policeClerk.GetAsync($"{Url}/{id}/attachments/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReportAsync(policeClerk, id, "K01", 100)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options))!.KeyTasks.Single(t => t.Code == "K02").Percent.ShouldBe(50);

        // Closed units cannot receive work.
        (await admin.PostAsync($"/api/app/organization-units/{police.Id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"{Url}/{id}/assignments", new AssignUnitsInput { Lines = [new() { Code = "D02", UnitId = police.Id }] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Report_Progress_Flag_Overdue_Tasks_And_Give_The_Province_A_Matrix()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var admin = await host.ClientForAsync("张掖", "admin");
        var agreement = await CreateAsync(host, official, "张掖", 2021);
        await UpdateAsync(official, agreement.Id, StandardBody(agreement));
        await PostAsync(official, agreement.Id, "issue");
        (await ReportAsync(admin, agreement.Id, "K02", 10)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await PostAsync(admin, agreement.Id, "sign", new SignAgreementInput());
        await PostAsync(official, agreement.Id, "put-in-force");
        var id = agreement.Id;

        (await ReportAsync(admin, id, "K02", 50)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooMuch = await ReportAsync(admin, id, "K02", 101);
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMuch.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("完成进度应在0到100之间（现为101）。");
        (await ReportAsync(admin, id, "K01", 50, milestone: "不存在的节点")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReportAsync(admin, id, "K03", 30, file: "GIF89a"u8.ToArray(), fileName: "evidence.png")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReportAsync(admin, id, "NOPE", 30)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var withEvidence = await ReportAsync(admin, id, "K03", 30, milestone: null, file: Pdf, fileName: "会议纪要.pdf");
        withEvidence.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withEvidence.ReadJsonAsync<KeyTaskProgressDto>())!.EvidenceAttachmentId.ShouldNotBeNull();
        (await ReportAsync(admin, id, "K01", 40, milestone: "印发组建通知")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var detail = await admin.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options);
        var k01 = detail!.KeyTasks.Single(t => t.Code == "K01");
        k01.IsOverdue.ShouldBeTrue(); // due 2021-03-31, 40 % done
        k01.Status.ShouldBe("Overdue");
        detail.KeyTasks.Single(t => t.Code == "K02").Status.ShouldBe("Overdue"); // due 2021-04-30, 50 % done
        detail.KeyTasks.Single(t => t.Code == "K04").Status.ShouldBe("Overdue");

        (await ReportAsync(admin, id, "K01", 100)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = (await admin.GetFromJsonAsync<AgreementDto>($"{Url}/{id}", HttpJson.Options))!.KeyTasks.Single(t => t.Code == "K01");
        done.Status.ShouldBe("Done");
        done.IsOverdue.ShouldBeFalse();
        (await admin.GetFromJsonAsync<List<KeyTaskProgressDto>>($"{Url}/{id}/key-tasks/K01/progress", HttpJson.Options))!
            .Select(p => p.Percent).ShouldBe([40, 100]);

        var matrix = await official.GetFromJsonAsync<KeyTaskMatrixDto>($"{Url}/key-task-matrix?year=2021", HttpJson.Options);
        matrix!.Cities.Count.ShouldBe(5);
        var zhangye = matrix.Cities.Single(c => c.CityName == "张掖市");
        zhangye.AgreementId.ShouldBe(id);
        zhangye.Counts["Done"].ShouldBe(1);
        zhangye.Counts["InProgress"].ShouldBe(0);
        zhangye.Counts["NotStarted"].ShouldBe(0);
        zhangye.Counts["Overdue"].ShouldBe(3);
        matrix.Cities.Where(c => c.CityName != "张掖市").ShouldAllBe(c => c.Tasks.Count == 0);
        (await admin.GetAsync($"{Url}/key-task-matrix?year=2021")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Export_A_Printable_Agreement_In_Chinese()
    {
        using var official = await host.ClientForAsync(null, "official");
        using var cityAdmin = await host.ClientForAsync("金昌", "admin");
        var agreement = await InForceAsync(host, official, "金昌", 2037);

        var response = await cityAdmin.GetAsync($"{Url}/{agreement.Id}/export/docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("金昌市");
        text.ShouldContain("省委政法委员会");
        text.ShouldContain("矛盾纠纷调解成功率");
        text.ShouldContain("99");
        text.ShouldContain("成立由市委、市政府主要领导任组长的试点工作领导机构");
        text.ShouldContain("责任清单");
        text.ShouldContain("负面清单");
        text.ShouldContain("不得瞒报、迟报重大案事件");
        text.ShouldContain("规则清单");
        text.ShouldContain("张明");
        (await official.GetAsync($"{Url}/{agreement.Id}/export/docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task AssertD01ScoresAgainstAsync(Guid cityId, int year, decimal target)
    {
        using var scope = host.Factory.Services.CreateScope();
        var overrides = await scope.ServiceProvider.GetRequiredService<IAgreementTargetProvider>().GetTargetOverridesAsync(cityId, year);
        overrides["D01"].ShouldBe(target);
        overrides.ShouldNotContainKey("X1"); // the city's own indicators are not in the scheme

        // Period scoring asks for the same targets, for every city of the period at once.
        var period = new Periods.AssessmentPeriod(Guid.NewGuid(), Guid.NewGuid(), "年度考核", Periods.PeriodKind.Annual, year, 1, new DateTime(year, 1, 1), new DateTime(year, 12, 31));
        var periodTargets = await scope.ServiceProvider.GetRequiredService<Periods.IPeriodTargetProvider>().GetTargetOverridesAsync(period, [cityId]);
        periodTargets[cityId]["D01"].ShouldBe(target);

        var definition = SampleSchemeLoader.Load().Definition;
        var values = new CityPeriodValues { Indicators = new Dictionary<string, IndicatorValue> { ["D01"] = new() { Number = 98 } } };
        var engine = new ScoringEngine();
        var withScheme = engine.Score(definition, values).Lines.Single(l => l.IndicatorCode == "D01").Points;
        var withAgreement = engine.Score(definition, values, null, overrides).Lines.Single(l => l.IndicatorCode == "D01").Points;
        withScheme.ShouldBe(4m); // 98 of the scheme's 98
        withAgreement.ShouldBe(Math.Round(4m * 98m / target, 2, MidpointRounding.AwayFromZero) is var p && p > 4m ? 4m : p);
        if (target > 98m)
        {
            withAgreement.ShouldBeLessThan(4m);
        }
    }

    private static async Task RefusedAsync(HttpClient client, Guid id, params string[] actions)
    {
        foreach (var action in actions)
        {
            var response = await client.PostAsJsonAsync($"{Url}/{id}/{action}", new { });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{action}: {await response.Content.ReadAsStringAsync()}");
            var title = (await response.ReadProblemAsync()).GetProperty("title").GetString()!;
            title.ShouldNotContain("Agreement:");
            title.ShouldContain("目标责任书当前为");
        }
    }
}

public sealed class Agreements_Http_Sqlite_Tests(SqliteHostFixture host) : Agreements_Http_Tests<SqliteHostFixture>(host);

public sealed class Agreements_Http_MySql_Tests(MySqlHostFixture host) : Agreements_Http_Tests<MySqlHostFixture>(host);
