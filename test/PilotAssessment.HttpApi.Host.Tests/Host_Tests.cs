using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Account;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment;

public sealed class Host_Tests(SqliteHostFixture host) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Should_Serve_Health_And_The_OpenApi_Document()
    {
        using var client = host.CreateClient();
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
        var document = await client.GetStringAsync("/swagger/v1/swagger.json");
        document.ShouldContain("/api/account/login");
        document.ShouldContain("/api/app/tenants");
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Write_Errors_As_ProblemDetails_In_The_Requested_Language()
    {
        var input = new LoginInput { Tenant = "兰州", UserName = "admin", Password = "wrong-password" };

        using var zh = host.CreateClient();
        var zhResponse = await zh.PostAsJsonAsync("/api/account/login", input);
        zhResponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        zhResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await zhResponse.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("用户名或密码错误。");

        using var en = host.CreateClient("en");
        var enResponse = await en.PostAsJsonAsync("/api/account/login", input);
        (await enResponse.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Wrong user name or password.");
    }

    [Fact]
    public async Task Should_Localize_Validation_Errors_Beside_Their_Fields()
    {
        using var client = await host.ClientForAsync(null, "admin");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var response = await client.PostAsJsonAsync("/api/app/tenants", new CreateTenantInput { Name = "", DisplayName = new string('长', 200), AdminPassword = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("Name")[0].GetString().ShouldBe("请填写“Name”。");
        errors.GetProperty("DisplayName")[0].GetString()!.ShouldContain("128");
        problem.GetProperty("title").GetString().ShouldBe("提交的数据有误，请检查标出的字段。");
    }

    [Fact]
    public async Task Should_Answer_401_To_An_Anonymous_Call_Of_A_Protected_Endpoint()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/api/app/users");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
