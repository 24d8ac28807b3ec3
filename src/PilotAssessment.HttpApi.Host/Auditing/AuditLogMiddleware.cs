using System.Diagnostics;
using System.Text.Json;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.OpenApi;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Auditing;

/// <summary>
/// Records every write request (who, tenant, route, duration, status, exception), every download (a response sent
/// as a file: evidence, signed scans, exports) and every request of a host user acting inside a city
/// (<see cref="AuditLog.ImpersonatorTenantId"/> names the city). A sign-in records the user name and city it was
/// for, whether it succeeded or not (never the password). A write's row is saved with the write, in its transaction
/// (<see cref="IAuditScope"/>), as a success with the time taken until then; a request that then ends otherwise has its
/// row updated. A row no unit of work committed (a refused or failed request, a read) is saved in its own scope, so a
/// request whose own save failed is still recorded; entity changes point to it by id.
/// </summary>
public sealed class AuditLogMiddleware(RequestDelegate next, IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AuditLogMiddleware> logger)
{
    private readonly AuditLogWriter writer = new(scopeFactory, logger);

    public const string LoginPath = "/api/account/login";

    public async Task InvokeAsync(HttpContext context, IAuditScope auditScope, ICurrentUser currentUser, ICurrentTenant currentTenant)
    {
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        var log = writer.Start(context, clock.GetUtcNow().UtcDateTime);
        auditScope.AuditLogId = log.Id;
        var isLogin = !isRead && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);
        var login = isLogin ? await ReadLoginAsync(context.Request) : default;
        var stopwatch = Stopwatch.StartNew();
        var actsInCity = false;

        AuditLog Fill(int status, string? exception)
        {
            actsInCity = currentUser.IsAuthenticated && currentUser.TenantId is null && currentTenant.Id is not null;
            log.HttpStatusCode = status;
            log.Exception = exception;
            log.ExecutionDuration = (int)stopwatch.ElapsedMilliseconds;
            log.UserId = currentUser.Id;
            log.UserName = currentUser.UserName ?? AuditLogWriter.Truncate(login.UserName, 256);
            log.TenantId = currentTenant.Id;
            log.ImpersonatorTenantId = actsInCity ? currentTenant.Id : null;
            log.Action = OperationIds.Of(context);
            return log;
        }

        // A sign-in's user is known only at its end, and its store saves on its own: its row is always saved apart.
        if (!isRead && !isLogin)
        {
            auditScope.OfferWithCommit(() => Fill(StatusCodes.Status200OK, null));
        }

        var status = StatusCodes.Status200OK;
        string? failure = null;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (Exception exception)
        {
            status = ExceptionStatusCodes.For(exception);
            failure = AuditLogWriter.Truncate($"{exception.GetType().Name}: {exception.Message}", AuditLog.MaxExceptionLength);
            throw;
        }
        finally
        {
            var committed = auditScope.Committed is not null;
            var committedAsItEnded = committed && status == StatusCodes.Status200OK && failure is null;
            if (!committedAsItEnded)
            {
                Fill(status, failure);
                var isDownload = context.Response.Headers.ContentDisposition.Count > 0;
                if (committed)
                {
                    await writer.UpdateAsync(log);
                }
                else if (!isRead || actsInCity || isDownload)
                {
                    await writer.SaveAsync(log, login.Tenant);
                }
            }
        }
    }

    /// <summary>The user name and city of a sign-in request; the body stays readable for the endpoint.</summary>
    private static async Task<(string? Tenant, string? UserName)> ReadLoginAsync(HttpRequest request)
    {
        if (request.ContentLength is > 64 * 1024 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return default;
        }

        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            string? Read(string name) => document.RootElement.EnumerateObject()
                .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => p.Value.GetString())
                .FirstOrDefault();
            return (Read("tenant"), Read("userName"));
        }
        catch (JsonException)
        {
            return default;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}

/// <summary>Starts and saves audit rows for the pipeline (the audit middleware, and the tenant resolution when it refuses a request).</summary>
public sealed class AuditLogWriter(IServiceScopeFactory scopeFactory, ILogger logger)
{
    public AuditLog Start(HttpContext context, DateTime now) => new(SequentialGuid.Next())
    {
        HttpMethod = context.Request.Method,
        Url = Truncate(context.Request.Path + context.Request.QueryString, AuditLog.MaxUrlLength)!,
        ExecutionTime = now,
        ClientIpAddress = context.Connection.RemoteIpAddress?.ToString(),
        CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
    };

    /// <param name="tenantName">A city named by a sign-in: the row goes to that city when it exists.</param>
    public Task SaveAsync(AuditLog log, string? tenantName = null) => WriteAsync(log, insert: true, tenantName);

    /// <summary>A row committed with a write whose request then ended otherwise: its outcome as it ended.</summary>
    public Task UpdateAsync(AuditLog log) => WriteAsync(log, insert: false, tenantName: null);

    /// <summary>
    /// Writes the row in a scope of its own, in the city the row names (a refused request or a sign-in is not inside
    /// that city yet). A failure is logged, never thrown: losing an audit row must not fail the user's request.
    /// </summary>
    private async Task WriteAsync(AuditLog log, bool insert, string? tenantName)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            if (log.TenantId is null && !string.IsNullOrWhiteSpace(tenantName))
            {
                var tenants = scope.ServiceProvider.GetRequiredService<IRepository<Tenant>>();
                var name = tenantName.Trim();
                log.TenantId = await tenants.FirstOrDefaultAsync(tenants.QueryReadOnly().Where(t => t.Name == name).Select(t => (Guid?)t.Id));
            }

            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(log.TenantId))
            {
                var rows = scope.ServiceProvider.GetRequiredService<IRepository<AuditLog>>();
                await (insert ? rows.InsertAsync(log) : rows.UpdateAsync(log));
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not {Action} the audit log of {Method} {Url}", insert ? "save" : "update", log.HttpMethod, log.Url);
        }
    }

    public static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
