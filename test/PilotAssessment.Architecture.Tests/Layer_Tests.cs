using System.Reflection;
using PilotAssessment.Account;
using PilotAssessment.Localization;
using PilotAssessment.Repositories;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>Each layer references only what it may (docs/adr/0010); each rule is also shown to report a deliberate violation.</summary>
public sealed class Layer_Tests
{
    private static readonly Assembly DomainShared = typeof(PilotAssessmentResource).Assembly;
    private static readonly Assembly Domain = typeof(IRepository<>).Assembly;
    private static readonly Assembly ApplicationContracts = typeof(IAccountAppService).Assembly;
    private static readonly Assembly Application = typeof(AccountAppService).Assembly;
    private static readonly Assembly HttpApi = typeof(PilotAssessmentController).Assembly;
    private static readonly Assembly Violations = typeof(Layer_Tests).Assembly;

    [Fact]
    public void Should_Keep_Domain_Shared_Free_Of_AspNetCore_EfCore_And_Quartz() => LayerRules.DomainShared(DomainShared).ShouldBeEmpty();

    [Fact]
    public void Should_Report_A_Domain_Shared_Type_On_AspNetCore_Or_Quartz()
    {
        var violations = LayerRules.DomainShared(Violations, "PilotAssessment.Violations.DomainShared");

        violations.ShouldContain("PilotAssessment.Violations.DomainShared.ReadsHttpRequest");
        violations.ShouldContain("PilotAssessment.Violations.DomainShared.ScheduledWork");
        violations.ShouldContain(v => v.EndsWith("references Quartz", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Domain_Free_Of_AspNetCore_EfCore_Quartz_And_Mail() => LayerRules.Domain(Domain).ShouldBeEmpty();

    [Fact]
    public void Should_Report_A_Domain_Type_On_Smtp_EfCore_Or_HttpContext()
    {
        var violations = LayerRules.Domain(Violations, "PilotAssessment.Violations.Domain");

        violations.ShouldContain("PilotAssessment.Violations.Domain.SendsMailItself");
        violations.ShouldContain("PilotAssessment.Violations.Domain.KnowsTheDbContext");
        violations.ShouldContain("PilotAssessment.Violations.Domain.ReadsHttpUser");
        violations.ShouldContain(v => v.EndsWith("references Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Allow_The_Domain_The_Identity_Types_Of_Identity_Stores()
    {
        var violations = LayerRules.Domain(Violations, "PilotAssessment.Violations.DomainIdentity");

        violations.ShouldNotContain(v => v.StartsWith("PilotAssessment.Violations.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Application_Contracts_On_Domain_Shared_Only() => LayerRules.ApplicationContracts(ApplicationContracts).ShouldBeEmpty();

    [Fact]
    public void Should_Report_Application_Contracts_Referencing_Another_Layer()
    {
        var violations = LayerRules.ApplicationContracts(Violations);

        violations.ShouldContain(v => v.EndsWith("references PilotAssessment.Domain", StringComparison.Ordinal));
        violations.ShouldContain(v => v.EndsWith("references Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Application_Off_EfCore() => LayerRules.Application(Application).ShouldBeEmpty();

    [Fact]
    public void Should_Report_An_Application_Type_On_EfCore()
    {
        var violations = LayerRules.Application(Violations, "PilotAssessment.Violations.Application");

        violations.ShouldContain("PilotAssessment.Violations.Application.QueriesEfCoreDirectly");
        violations.ShouldContain(v => v.StartsWith("PilotAssessment.Violations.Application.CatchesEfCoreConflicts", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Controllers_On_Application_Contracts_Without_Logic() => LayerRules.HttpApi(HttpApi).ShouldBeEmpty();

    [Fact]
    public void Should_Report_A_Controller_On_A_Repository_Or_With_Private_Logic()
    {
        var violations = LayerRules.HttpApi(Violations, "PilotAssessment.Violations.HttpApi");

        violations.ShouldContain("PilotAssessment.Violations.HttpApi.RepositoryController");
        violations.ShouldContain(v => v.StartsWith("PilotAssessment.Violations.HttpApi.LogicController.Twice", StringComparison.Ordinal));
        violations.ShouldContain(v => v.EndsWith("references PilotAssessment.Domain", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Controllers_On_The_Contracts_And_AspNetCore() => LayerRules.ControllerDependencies(HttpApi).ShouldBeEmpty();

    [Fact]
    public void Should_Report_A_Controller_On_A_Service_Implementation_Or_The_DbContext()
    {
        var violations = LayerRules.ControllerDependencies(Violations, "PilotAssessment.Violations.HttpApiDependencies");

        violations.ShouldContain("PilotAssessment.Violations.HttpApiDependencies.ImplementationController depends on PilotAssessment.Schemes.SchemeAppService");
        violations.ShouldContain("PilotAssessment.Violations.HttpApiDependencies.DbContextController depends on PilotAssessment.EntityFrameworkCore.PilotAssessmentDbContext");
        violations.ShouldNotContain(v => v.StartsWith("PilotAssessment.Violations.HttpApiDependencies.ContractController", StringComparison.Ordinal));
        LayerRules.ControllerDependencies(Violations, "PilotAssessment.Violations.HttpApi")
            .ShouldContain(v => v.StartsWith("PilotAssessment.Violations.HttpApi.RepositoryController depends on PilotAssessment.Repositories.IRepository", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Declare_A_Permission_On_Every_Application_Service_Method() => LayerRules.UndeclaredServiceMethods(Application).ShouldBeEmpty();

    [Fact]
    public void Should_Report_An_Application_Service_Method_Without_A_Declaration()
    {
        var violations = LayerRules.UndeclaredServiceMethods(Violations, "PilotAssessment.Violations.Pipeline");

        violations.ShouldContain(v => v.StartsWith("PilotAssessment.Violations.Pipeline.HalfDeclaredAppService.ForgottenAsync ", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("PilotAssessment.Violations.Pipeline.HalfDeclaredAppService.AlsoPublicAsync ", StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.Contains(".DeclaredAsync ", StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.Contains("ClassDeclaredAppService", StringComparison.Ordinal));
    }

    /// <summary>Every application service is built on the base, which gives tenant, user, data filter, localizer and clock.</summary>
    [Fact]
    public void Should_Build_Every_Application_Service_On_The_Base_Class() =>
        LayerRules.ServicesOffTheBase(Application).ShouldBeEmpty();

    [Fact]
    public void Should_Report_An_Application_Service_Off_The_Base_Class()
    {
        var violations = LayerRules.ServicesOffTheBase(Violations, "PilotAssessment.Violations.ServiceBase");

        violations.ShouldBe(["PilotAssessment.Violations.ServiceBase.InjectsItsOwnTenantAppService"]);
    }
}
