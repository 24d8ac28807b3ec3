using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Auditing;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.Services;

/// <summary>
/// Every call through an application-service interface is checked against its declaration and runs in one unit of
/// work: the product's services and the probes registered by <see cref="PipelineTestApplication"/>.
/// </summary>
public abstract class ApplicationServicePipeline_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PipelineTestApplication
{
    [Fact]
    public async Task Should_Refuse_A_City_Clerk_Publishing_A_Scheme_At_The_Service()
    {
        var schemeId = await app.AsUserAsync(null, "official", async sp =>
            (await sp.GetRequiredService<ISchemeAppService>().GetListAsync(new GetSchemesInput())).Items.First().Id);

        var error = await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<ISchemeAppService>().PublishAsync(schemeId)));

        error.Code.ShouldBe(PilotAssessmentErrorCodes.PermissionRequired);
    }

    [Fact]
    public async Task Should_Refuse_Calls_Without_The_Permission_In_Several_Services()
    {
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<ITenantAppService>().GetListAsync(new Dtos.PagedAndFilteredRequestDto())));
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<IAuditLogAppService>().GetListAsync(new GetAuditLogsInput())));
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync(null, "auditor", sp => sp.GetRequiredService<Periods.IPeriodAppService>().CreateAsync(new Periods.CreatePeriodInput())));

        // The same clerk may read the schemes (the class's declaration) and the probe's permission is the method's own.
        (await app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<ISchemeAppService>().GetListAsync(new GetSchemesInput()))).Items.ShouldNotBeEmpty();
        (await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().PublishSchemesOnlyAsync())).ShouldBe("published");
        await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<IPipelineProbeAppService>().PublishSchemesOnlyAsync()));
    }

    [Fact]
    public async Task Should_Refuse_An_Unauthenticated_Call_With_401()
    {
        var error = await Should.ThrowAsync<AuthenticationFailedException>(() =>
            app.WithScopeAsync(sp => sp.GetRequiredService<ISchemeAppService>().GetListAsync(new GetSchemesInput())));
        error.Code.ShouldBe(PilotAssessmentErrorCodes.Unauthorized);

        // Sync methods go through the same check; an anonymous method needs no one.
        Should.Throw<AuthenticationFailedException>(() =>
            app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IPipelineProbeAppService>().AddSignedIn(1, 2))).GetAwaiter().GetResult());
        (await app.WithScopeAsync(sp => sp.GetRequiredService<IPipelineProbeAppService>().AnyoneAsync())).ShouldBe("ok");
        (await app.AsUserAsync("兰州", "clerk", sp => Task.FromResult(sp.GetRequiredService<IPipelineProbeAppService>().AddSignedIn(1, 2)))).ShouldBe(3);
    }

    [Fact]
    public async Task Should_Refuse_A_Method_That_Declares_Nothing()
    {
        var error = await Should.ThrowAsync<ForbiddenException>(() =>
            app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<IUndeclaredProbeAppService>().DoAsync()));

        error.Code.ShouldBe(PilotAssessmentErrorCodes.PermissionRequired);
    }

    [Fact]
    public async Task Should_Write_Nothing_When_A_Call_Fails_After_Two_Writes()
    {
        var failed = NewKey();
        await Should.ThrowAsync<BusinessException>(() =>
            app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteTwoAsync(failed, fail: true)));
        (await ProbeRows.CountAsync(app, failed)).ShouldBe(0);

        var succeeded = NewKey();
        await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteTwoAsync(succeeded, fail: false));
        (await ProbeRows.CountAsync(app, succeeded)).ShouldBe(2);
    }

    [Fact]
    public async Task Should_Roll_Back_A_Save_Made_Half_Way_When_The_Call_Then_Fails()
    {
        var key = NewKey();

        await Should.ThrowAsync<BusinessException>(() =>
            app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteSaveWriteThenFailAsync(key)));

        (await ProbeRows.CountAsync(app, key)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_Forget_The_Failed_Calls_Changes_In_The_Same_Scope()
    {
        var key = NewKey();
        var after = NewKey();

        await app.AsUserAsync(null, "official", async sp =>
        {
            var probe = sp.GetRequiredService<IPipelineProbeAppService>();
            await Should.ThrowAsync<BusinessException>(() => probe.WriteTwoAsync(key, fail: true));

            // The next call of the same request saves its own writes only.
            await probe.WriteTwoAsync(after, fail: false);
        });

        (await ProbeRows.CountAsync(app, key)).ShouldBe(0);
        (await ProbeRows.CountAsync(app, after)).ShouldBe(2);
    }

    [Fact]
    public async Task Should_Run_A_Nested_Call_In_The_Outer_Calls_Transaction()
    {
        var shared = NewKey();
        (await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteWithInnerAsync(shared, fail: false))).ShouldBeTrue();
        (await ProbeRows.CountAsync(app, shared)).ShouldBe(2);

        // The inner call completed, but the outer one failed: the inner write goes too.
        var failed = NewKey();
        await Should.ThrowAsync<BusinessException>(() =>
            app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteWithInnerAsync(failed, fail: true)));
        (await ProbeRows.CountAsync(app, failed)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_Hold_No_Transaction_For_A_Read_And_Still_Save_Nothing_Half_Way()
    {
        var read = NewKey();
        (await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().GetInTransactionAsync(read, fail: false))).ShouldBeFalse();
        (await ProbeRows.CountAsync(app, read)).ShouldBe(1);

        var failed = NewKey();
        await Should.ThrowAsync<BusinessException>(() =>
            app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().GetInTransactionAsync(failed, fail: true)));
        (await ProbeRows.CountAsync(app, failed)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_Create_No_City_When_Its_Administrator_Cannot_Be_Created()
    {
        var name = $"试点{Guid.NewGuid():N}"[..10];

        // The city's row is saved first; the administrator's password then fails the policy.
        await Should.ThrowAsync<BusinessException>(() => app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().CreateAsync(
            new CreateTenantInput { Name = name, DisplayName = name, AdminUserName = "admin", AdminPassword = "1" })));

        var names = await app.AsUserAsync(null, "admin", async sp =>
            (await sp.GetRequiredService<ITenantAppService>().GetListAsync(new Dtos.PagedAndFilteredRequestDto { Filter = name })).Items);
        names.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Return_The_Stamps_A_Waiting_Write_Is_Saved_With()
    {
        var key = NewKey();
        var returned = await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IPipelineProbeAppService>().WriteOneAsync(key));

        returned.ShouldNotBe(default);
        (await ProbeRows.CreationTimeAsync(app, key)).ShouldBe(returned);

        // The concurrency stamp a service returns after an update is the stored one: the next update with it succeeds.
        var name = $"试点{Guid.NewGuid():N}"[..10];
        var city = await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().CreateAsync(
            new CreateTenantInput { Name = name, DisplayName = name, AdminUserName = "admin", AdminPassword = PilotAssessmentTestApplication.NewUserPassword }));
        var renamed = await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().UpdateAsync(
            city.Id, new UpdateTenantInput { DisplayName = name + "一", ConcurrencyStamp = city.ConcurrencyStamp! }));
        renamed.ConcurrencyStamp.ShouldNotBe(city.ConcurrencyStamp);
        (await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().GetAsync(city.Id))).ConcurrencyStamp.ShouldBe(renamed.ConcurrencyStamp);
        var again = await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().UpdateAsync(
            city.Id, new UpdateTenantInput { DisplayName = name + "二", ConcurrencyStamp = renamed.ConcurrencyStamp! }));
        again.DisplayName.ShouldBe(name + "二");

        // A stale stamp still loses: 409 at the end of the call, and nothing of it is written.
        await Should.ThrowAsync<ConflictException>(() => app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().UpdateAsync(
            city.Id, new UpdateTenantInput { DisplayName = name + "三", ConcurrencyStamp = renamed.ConcurrencyStamp! })));
        (await app.AsUserAsync(null, "admin", sp => sp.GetRequiredService<ITenantAppService>().GetAsync(city.Id))).DisplayName.ShouldBe(name + "二");
    }

    private static string NewKey() => $"probe:{Guid.NewGuid():N}";
}

public sealed class ApplicationServicePipeline_Sqlite_Tests(PipelineSqliteTestApplication app) : ApplicationServicePipeline_Tests<PipelineSqliteTestApplication>(app);

public sealed class ApplicationServicePipeline_MySql_Tests(PipelineMySqlTestApplication app) : ApplicationServicePipeline_Tests<PipelineMySqlTestApplication>(app);
