using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
using PilotAssessment.Files;
using PilotAssessment.Localization;

namespace PilotAssessment.Hardening;

/// <summary>
/// Every request body is bounded: <see cref="HardeningOptions.MaxJsonBodyBytes"/> unless the endpoint declares its own
/// limit ([RequestSizeLimit] on uploads). A declared length beyond the limit gets a localized 413 at once; a body without
/// a length is cut off while it is read. The server's own limit (Kestrel) is set to the same number where it exists.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, HardeningOptions options)
{
    public const string ErrorCode = "Error:RequestTooLarge";

    public async Task InvokeAsync(HttpContext context)
    {
        // An endpoint's own declaration wins, [DisableRequestSizeLimit] (null) included.
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? options.MaxJsonBodyBytes : declared.MaxRequestBodySize;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                await WriteTooLargeAsync(context, max);
                return;
            }

            if (context.Request.ContentLength is null && context.Request.Body.CanRead)
            {
                context.Request.Body = new LimitedReadStream(
                    context.Request.Body,
                    max,
                    () => new BadHttpRequestException($"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge),
                    leaveOpen: true);
            }
        }

        await next(context);
    }

    public static async Task WriteTooLargeAsync(HttpContext context, long max)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<PilotAssessmentResource>>();
        var title = localizer[ErrorCode, Megabytes(max)].Value;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = title,
                Detail = title,
                Extensions = { ["code"] = ErrorCode },
            },
        });
    }

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
