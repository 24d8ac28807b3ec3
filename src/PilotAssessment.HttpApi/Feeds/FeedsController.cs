using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace PilotAssessment.Feeds;

/// <summary>数据接口（部门系统推送数据）</summary>
[Route("api/feeds")]
public sealed class FeedsController(IFeedTokenAppService tokens, IFeedImportAppService import) : PilotAssessmentController
{
    public const string TokenRateLimitPolicy = "feed-token";

    /// <summary>数据接口以客户端凭据换取访问令牌</summary>
    /// <remarks>
    /// OAuth 2.0 client credentials: client_id and client_secret as JSON or as a form (application/x-www-form-urlencoded).
    /// The token is valid for 15 minutes and opens only POST /api/feeds/values.
    /// </remarks>
    [HttpPost("token")]
    [AllowAnonymous]
    [EnableRateLimiting(TokenRateLimitPolicy)]
    public async Task<FeedTokenDto> TokenAsync()
    {
        FeedTokenInput input;
        if (Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            input = new FeedTokenInput { GrantType = form["grant_type"], ClientId = form["client_id"], ClientSecret = form["client_secret"] };
        }
        else
        {
            try
            {
                input = await System.Text.Json.JsonSerializer.DeserializeAsync<FeedTokenInput>(Request.Body, cancellationToken: HttpContext.RequestAborted) ?? new FeedTokenInput();
            }
            catch (System.Text.Json.JsonException)
            {
                throw new ExceptionHandling.BusinessException(FeedErrorCodes.MalformedJson).WithError("client_id", FeedErrorCodes.MalformedJson);
            }
        }

        return await tokens.IssueAsync(input);
    }

    /// <summary>批量导入指标数据（JSON 或 CSV，可试运行）</summary>
    /// <remarks>
    /// Rows of (city, period, indicator, value, note, evidence). dryRun=true checks every row and answers the summary
    /// without saving. A real import needs an Idempotency-Key header: it is all or nothing, and the same key again
    /// answers the first summary without writing (the same key with other rows: 409). One bad row refuses the whole
    /// request with each problem under rows[i].field.
    /// </remarks>
    [HttpPost("values")]
    [Authorize(AuthenticationSchemes = FeedConsts.AuthenticationScheme, Policy = FeedConsts.AuthenticationScheme)]
    [RequestSizeLimit(FeedConsts.MaxBodyBytes)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<FeedImportSummaryDto> ImportValuesAsync([FromQuery] bool dryRun = false, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        // Parsed as it arrives: the body is never held whole; past the size limit reading it fails with the localized 400.
        return await import.ImportAsync(new FeedImportRequest
        {
            Body = Request.Body,
            ContentType = Request.ContentType,
            DryRun = dryRun,
            IdempotencyKey = idempotencyKey,
        });
    }
}
