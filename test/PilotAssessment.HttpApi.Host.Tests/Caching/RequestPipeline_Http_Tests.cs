using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Dtos;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Caching;

/// <summary>
/// What an authorized request costs before it reaches its feature: on a warm request the user's session, the city and
/// the role grants come from the caches, so only the feature's own SQL is sent; a change of grants or of the city
/// takes effect at once on the host where it was made.
/// </summary>
public abstract class RequestPipeline_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : CountingHostFixture
{
    [Theory]
    [InlineData(null, "official")]
    [InlineData("兰州", "clerk")]
    [InlineData("天水", "admin")]
    public async Task Should_Send_Only_The_Features_Own_Sql_On_A_Warm_Authorized_Request(string? city, string userName)
    {
        var period = await host.CreateOpenPeriodAsync();
        using var client = await host.ClientForAsync(city, userName);
        (await client.GetAsync($"/api/app/periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var before = host.Commands.Count;
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync($"/api/app/periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The period's own row, once per request; nothing for the session, the city or the grants.
        (host.Commands.Count - before).ShouldBe(5);
    }

    [Fact]
    public async Task Should_Refuse_At_Once_When_The_Role_Loses_The_Permission_And_Allow_When_Given_Back()
    {
        using var admin = await host.ClientForAsync("酒泉", "admin");
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var role = (await admin.GetFromJsonAsync<PagedResultDto<RoleDto>>("/api/app/roles", HttpJson.Options))!.Items.Single(r => r.Name == RoleNames.Clerk);
        var granted = (await admin.GetFromJsonAsync<PermissionListDto>($"/api/app/roles/{role.Id}/permissions", HttpJson.Options))!
            .Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name).ToList();
        granted.ShouldContain(PilotAssessmentPermissions.Periods.Default);

        var withdrawn = await admin.PutAsJsonAsync($"/api/app/roles/{role.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = granted.Where(p => p != PilotAssessmentPermissions.Periods.Default).ToList() });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var restored = await admin.PutAsJsonAsync($"/api/app/roles/{role.Id}/permissions", new UpdatePermissionsInput { GrantedPermissions = granted });
        restored.StatusCode.ShouldBe(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Refuse_A_Deactivated_City_At_Once_Though_Its_Users_Were_Just_Served()
    {
        using var province = await host.ClientForAsync(null, "admin");
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jinchang = await host.TenantIdAsync("金昌");

        (await province.PostAsync($"/api/app/tenants/{jinchang}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await province.PostAsync($"/api/app/tenants/{jinchang}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetAsync("/api/app/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The real host, counting every SQL command its DbContexts send.</summary>
public abstract class CountingHostFixture(DatabaseProvider provider) : PilotAssessmentHostFixture(provider)
{
    public CommandTally Commands { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureTestServices(s =>
    {
        s.ConfigureDbContext<SqlitePilotAssessmentDbContext>(o => o.AddInterceptors(Commands));
        s.ConfigureDbContext<MySqlPilotAssessmentDbContext>(o => o.AddInterceptors(Commands));
    });
}

public sealed class CommandTally : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    private T Counted<T>(T result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}

public sealed class CountingSqliteHostFixture() : CountingHostFixture(DatabaseProvider.Sqlite);

public sealed class CountingMySqlHostFixture() : CountingHostFixture(DatabaseProvider.MySql);

public sealed class RequestPipeline_Http_Sqlite_Tests(CountingSqliteHostFixture host) : RequestPipeline_Http_Tests<CountingSqliteHostFixture>(host);

public sealed class RequestPipeline_Http_MySql_Tests(CountingMySqlHostFixture host) : RequestPipeline_Http_Tests<CountingMySqlHostFixture>(host);
