using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Repositories;
using Shouldly;
using Xunit;

namespace PilotAssessment.Permissions;

public abstract class PermissionChecker_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Never_Grant_A_Host_Only_Permission_Inside_A_City_Even_If_Stored()
    {
        // A grant row that the API would refuse, written straight to the table.
        await app.AsUserAsync("酒泉", "admin", sp =>
            sp.GetRequiredService<IRepository<PermissionGrant>>().InsertAsync(new PermissionGrant(null, "city-admin", PilotAssessmentPermissions.Tenants.Create)));

        var (cityAdmin, _) = await app.PrincipalOfAsync("酒泉", "admin");
        var granted = await app.AsUserAsync("酒泉", "admin", sp => sp.GetRequiredService<IPermissionChecker>().GetGrantedAsync(cityAdmin));

        granted.ShouldNotContain(PilotAssessmentPermissions.Tenants.Create);
        granted.ShouldContain(PilotAssessmentPermissions.Users.Create);
    }

    [Fact]
    public async Task Should_Grant_Each_Built_In_Role_Its_Own_Permissions()
    {
        var (clerk, _) = await app.PrincipalOfAsync("兰州", "clerk");
        var (auditor, _) = await app.PrincipalOfAsync(null, "auditor");

        var clerkGranted = await app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<IPermissionChecker>().GetGrantedAsync(clerk));
        var auditorGranted = await app.AsUserAsync(null, "auditor", sp => sp.GetRequiredService<IPermissionChecker>().GetGrantedAsync(auditor));

        clerkGranted.ShouldContain(PilotAssessmentPermissions.DataEntry.Default);
        clerkGranted.ShouldNotContain(PilotAssessmentPermissions.DataEntry.Submit);
        clerkGranted.ShouldNotContain(PilotAssessmentPermissions.Users.Default);
        auditorGranted.ShouldContain(PilotAssessmentPermissions.Review.Adjust);
        auditorGranted.ShouldNotContain(PilotAssessmentPermissions.Schemes.Manage);
    }
}

public sealed class PermissionChecker_Sqlite_Tests(SqliteTestApplication app) : PermissionChecker_Tests<SqliteTestApplication>(app);

public sealed class PermissionChecker_MySql_Tests(MySqlTestApplication app) : PermissionChecker_Tests<MySqlTestApplication>(app);
