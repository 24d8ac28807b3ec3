namespace PilotAssessment.Security;

/// <summary>
/// Security headers on every response. The admin UI's scripts all come from the host ('self'); ng-zorro injects
/// styles at run time, hence 'unsafe-inline' for styles only. Evidence previews use blob: URLs.
/// HSTS only outside Development and on HTTPS (also when a proxy says so with X-Forwarded-Proto).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IWebHostEnvironment environment)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; worker-src 'self' blob:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps && !environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
