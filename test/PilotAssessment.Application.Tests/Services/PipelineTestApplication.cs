using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Services;
using PilotAssessment.Users;

namespace PilotAssessment.Services;

/// <summary>The test application with two probe services of its own, wrapped by the same pipeline as the product's.</summary>
public abstract class PipelineTestApplication(DatabaseProvider provider) : PilotAssessmentTestApplication(provider)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IPipelineProbeAppService, PipelineProbeAppService>();
        services.AddScoped<IPipelineInnerAppService, PipelineInnerAppService>();
        services.AddScoped<IUndeclaredProbeAppService, UndeclaredProbeAppService>();
        services.AddApplicationServicePipeline();
    }
}

public sealed class PipelineSqliteTestApplication() : PipelineTestApplication(DatabaseProvider.Sqlite);

public sealed class PipelineMySqlTestApplication() : PipelineTestApplication(DatabaseProvider.MySql);

public interface IPipelineProbeAppService : IApplicationService
{
    /// <summary>Writes two notifications keyed <paramref name="key"/>, then fails when asked to.</summary>
    Task WriteTwoAsync(string key, bool fail);

    /// <summary>Writes one notification and returns its creation time as the service sees it before the save.</summary>
    Task<DateTime> WriteOneAsync(string key);

    /// <summary>Writes one, saves it half-way (as a query that must see it would), writes another, then fails.</summary>
    Task WriteSaveWriteThenFailAsync(string key);

    /// <summary>Writes one, lets the inner service write another in the same unit of work, then fails when asked to.</summary>
    Task<bool> WriteWithInnerAsync(string key, bool fail);

    /// <summary>A read: writes one notification and fails, and tells whether it ran in a transaction.</summary>
    Task<bool> GetInTransactionAsync(string key, bool fail);

    int AddSignedIn(int a, int b);

    Task<string> AnyoneAsync();

    Task<string> PublishSchemesOnlyAsync();
}

public interface IPipelineInnerAppService : IApplicationService
{
    /// <summary>Writes one notification; returns the database transaction it ran in (null: none).</summary>
    Task<object?> WriteAsync(string key);
}

[RequiresSignIn]
public sealed class PipelineProbeAppService(
    IRepository<Notification> notifications,
    IUnitOfWork unitOfWork,
    IPipelineInnerAppService inner,
    PilotAssessmentDbContext dbContext,
    ICurrentUser currentUser) : IPipelineProbeAppService
{
    public const string FailureCode = "Test:ProbeFailed";

    public async Task WriteTwoAsync(string key, bool fail)
    {
        await notifications.InsertAsync(NewNotification(key));
        await notifications.InsertAsync(NewNotification(key));
        if (fail)
        {
            throw new BusinessException(FailureCode);
        }
    }

    public async Task<DateTime> WriteOneAsync(string key)
    {
        var notification = await notifications.InsertAsync(NewNotification(key));
        return notification.CreationTime;
    }

    public async Task WriteSaveWriteThenFailAsync(string key)
    {
        await notifications.InsertAsync(NewNotification(key));
        await unitOfWork.SaveChangesAsync();
        await notifications.InsertAsync(NewNotification(key));
        throw new BusinessException(FailureCode);
    }

    public async Task<bool> WriteWithInnerAsync(string key, bool fail)
    {
        await notifications.InsertAsync(NewNotification(key));
        var outer = dbContext.Database.CurrentTransaction;
        var innerTransaction = await inner.WriteAsync(key);
        if (fail)
        {
            throw new BusinessException(FailureCode);
        }

        return outer is not null && ReferenceEquals(outer, innerTransaction);
    }

    [UnitOfWork(IsTransactional = false)]
    public async Task<bool> GetInTransactionAsync(string key, bool fail)
    {
        await notifications.InsertAsync(NewNotification(key));
        var inTransaction = dbContext.Database.CurrentTransaction is not null;
        if (fail)
        {
            throw new BusinessException(FailureCode);
        }

        return inTransaction;
    }

    public int AddSignedIn(int a, int b) => a + b;

    [AllowAnonymousCall]
    public Task<string> AnyoneAsync() => Task.FromResult("ok");

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Publish)]
    public Task<string> PublishSchemesOnlyAsync() => Task.FromResult("published");

    private Notification NewNotification(string key) => new(Guid.NewGuid(), null, currentUser.Id ?? Guid.Empty, key, "t", "b");
}

[RequiresSignIn]
public sealed class PipelineInnerAppService(IRepository<Notification> notifications, PilotAssessmentDbContext dbContext, ICurrentUser currentUser)
    : IPipelineInnerAppService
{
    public async Task<object?> WriteAsync(string key)
    {
        await notifications.InsertAsync(new Notification(Guid.NewGuid(), null, currentUser.Id ?? Guid.Empty, key, "t", "b"));
        return dbContext.Database.CurrentTransaction;
    }
}

public interface IUndeclaredProbeAppService : IApplicationService
{
    Task<string> DoAsync();
}

/// <summary>Declares nothing, neither on the class nor on the method: every call is refused.</summary>
public sealed class UndeclaredProbeAppService : IUndeclaredProbeAppService
{
    public Task<string> DoAsync() => Task.FromResult("done");
}

/// <summary>Counts the rows a probe wrote, whoever's they are.</summary>
public static class ProbeRows
{
    public static Task<DateTime> CreationTimeAsync(PilotAssessmentTestApplication app, string key) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PilotAssessmentDbContext>();
        return (await db.Set<Notification>().IgnoreQueryFilters().SingleAsync(n => n.Key == key)).CreationTime;
    });

    public static Task<int> CountAsync(PilotAssessmentTestApplication app, string key) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PilotAssessmentDbContext>();
        return await db.Set<Notification>().IgnoreQueryFilters().CountAsync(n => n.Key == key);
    });
}
