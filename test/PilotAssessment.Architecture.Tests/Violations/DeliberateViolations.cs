// Deliberate violations: each namespace breaks one layer rule, so the rule's own test can show it reports them.
// Nothing here is used by the product.
#pragma warning disable CA1822, IDE0051

namespace PilotAssessment.Violations.DomainShared
{
    public sealed class ReadsHttpRequest
    {
        public string? Path(Microsoft.AspNetCore.Http.HttpContext context) => context.Request.Path.Value;
    }

    public sealed class ScheduledWork : Quartz.IJob
    {
        public Task Execute(Quartz.IJobExecutionContext context) => Task.CompletedTask;
    }
}

namespace PilotAssessment.Violations.Domain
{
    public sealed class SendsMailItself
    {
        public Task SendAsync(string to) => new System.Net.Mail.SmtpClient("localhost").SendMailAsync("a@localhost", to, "s", "b");
    }

    public sealed class KnowsTheDbContext(Microsoft.EntityFrameworkCore.DbContext context)
    {
        public int Changes => context.ChangeTracker.Entries().Count();
    }

    public sealed class ReadsHttpUser(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor)
    {
        public string? Name => accessor.HttpContext?.User.Identity?.Name;
    }
}

namespace PilotAssessment.Violations.DomainIdentity
{
    /// <summary>Allowed in the domain: the identity types of Microsoft.Extensions.Identity.Stores.</summary>
    public sealed class Member : Microsoft.AspNetCore.Identity.IdentityUser<Guid>
    {
        public static Microsoft.AspNetCore.Identity.IdentityResult Ok => Microsoft.AspNetCore.Identity.IdentityResult.Success;
    }
}

namespace PilotAssessment.Violations.Application
{
    public sealed class QueriesEfCoreDirectly
    {
        public Task<List<int>> ListAsync(IQueryable<int> query) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query);
    }

    public sealed class CatchesEfCoreConflicts
    {
        public async Task<bool> TrySaveAsync(Func<Task> save)
        {
            try
            {
                await save();
                return true;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
            {
                return false;
            }
        }
    }
}

namespace PilotAssessment.Violations.HttpApi
{
    using Microsoft.AspNetCore.Mvc;
    using PilotAssessment.Repositories;
    using PilotAssessment.Tenants;

    public sealed class RepositoryController(IRepository<Tenant> tenants) : ControllerBase
    {
        [HttpGet]
        public Task<List<Tenant>> GetAsync() => tenants.ToListAsync(tenants.Query());
    }

    public sealed class LogicController : ControllerBase
    {
        [HttpGet]
        public int Get(int value) => Twice(value);

        private static int Twice(int value)
        {
            var result = value * 2;
            return result > 100 ? 100 : result;
        }
    }
}

namespace PilotAssessment.Violations.HttpApiDependencies
{
    using Microsoft.AspNetCore.Mvc;
    using PilotAssessment.Schemes;

    /// <summary>Calls the implementation instead of the contract (and so around the application pipeline).</summary>
    public sealed class ImplementationController(SchemeAppService schemes) : ControllerBase
    {
        [HttpGet]
        public Task<Dtos.PagedResultDto<SchemeDto>> GetAsync() => schemes.GetListAsync(new GetSchemesInput());
    }

    public sealed class DbContextController(EntityFrameworkCore.PilotAssessmentDbContext db) : ControllerBase
    {
        [HttpGet]
        public int Get() => db.ChangeTracker.Entries().Count();
    }

    /// <summary>What a controller may depend on: the contracts and ASP.NET Core.</summary>
    public sealed class ContractController(ISchemeAppService schemes) : ControllerBase
    {
        [HttpGet]
        public Task<Dtos.PagedResultDto<SchemeDto>> GetAsync([FromQuery] GetSchemesInput input) => schemes.GetListAsync(input);
    }
}

namespace PilotAssessment.Violations.Pipeline
{
    using PilotAssessment.Permissions;
    using PilotAssessment.Services;

    public interface IHalfDeclaredAppService : IApplicationService
    {
        Task DeclaredAsync();

        Task ForgottenAsync();
    }

    public sealed class HalfDeclaredAppService : IHalfDeclaredAppService
    {
        [RequiresSignIn]
        public Task DeclaredAsync() => Task.CompletedTask;

        public Task ForgottenAsync() => Task.CompletedTask;

        public Task AlsoPublicAsync() => Task.CompletedTask;
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Default)]
    public sealed class ClassDeclaredAppService : IHalfDeclaredAppService
    {
        public Task DeclaredAsync() => Task.CompletedTask;

        public Task ForgottenAsync() => Task.CompletedTask;
    }
}

namespace PilotAssessment.Violations.ServiceBase
{
    using PilotAssessment.Permissions;
    using PilotAssessment.Services;

    public interface IBaseCheckedAppService : IApplicationService
    {
        Task RunAsync();
    }

    [RequiresSignIn]
    public sealed class InjectsItsOwnTenantAppService(MultiTenancy.ICurrentTenant currentTenant) : IBaseCheckedAppService
    {
        public Task RunAsync() => Task.FromResult(currentTenant.Id);
    }

    [RequiresSignIn]
    public sealed class OnTheBaseAppService(ApplicationServiceContext context) : PilotAssessmentAppService(context), IBaseCheckedAppService
    {
        public Task RunAsync() => Task.FromResult(IsHost);
    }
}
