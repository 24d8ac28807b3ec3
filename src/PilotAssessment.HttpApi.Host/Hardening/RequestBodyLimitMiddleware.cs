using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
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
                context.Request.Body = new LimitedBodyStream(context.Request.Body, max);
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

    /// <summary>Throws the server's own 413 once more than the limit has been read.</summary>
    private sealed class LimitedBodyStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
