using System.Diagnostics;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Users;

namespace PilotAssessment.Auditing;

/// <summary>
/// Records every write request (who, tenant, route, duration, status, exception). The row is saved in its own
/// scope, so a request whose own save failed is still recorded; entity changes point to it by id.
/// </summary>
public sealed class AuditLogMiddleware(RequestDelegate next, IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AuditLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IAuditScope auditScope, ICurrentUser currentUser, ICurrentTenant currentTenant)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        var log = new AuditLog(Guid.NewGuid())
        {
            HttpMethod = context.Request.Method,
            Url = Truncate(context.Request.Path + context.Request.QueryString, AuditLog.MaxUrlLength)!,
            ExecutionTime = clock.GetUtcNow().UtcDateTime,
            ClientIpAddress = context.Connection.RemoteIpAddress?.ToString(),
            CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        };
        auditScope.AuditLogId = log.Id;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await next(context);
            log.HttpStatusCode = context.Response.StatusCode;
        }
        catch (Exception exception)
        {
            log.HttpStatusCode = ExceptionStatusCodes.For(exception);
            log.Exception = Truncate($"{exception.GetType().Name}: {exception.Message}", AuditLog.MaxExceptionLength);
            throw;
        }
        finally
        {
            log.ExecutionDuration = (int)stopwatch.ElapsedMilliseconds;
            log.UserId = currentUser.Id;
            log.UserName = currentUser.UserName;
            log.TenantId = currentTenant.Id;
            await SaveAsync(log);
        }
    }

    private async Task SaveAsync(AuditLog log)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRepository<AuditLog>>().InsertAsync(log);
        }
        catch (Exception exception)
        {
            // Losing an audit row must not fail the user's request; the log keeps the trace.
            logger.LogError(exception, "Could not save the audit log of {Method} {Url}", log.HttpMethod, log.Url);
        }
    }

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
