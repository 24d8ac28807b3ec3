using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PilotAssessment.Results;

/// <summary>考评结果、排名与监测</summary>
[Route("api/app/results")]
[Authorize(PilotAssessmentPermissions.Results.Default)]
public sealed class ResultController(IResultPublicationAppService publication, IResultChangeAppService changes, IScoreSheetAppService sheets) : PilotAssessmentController
{
    /// <summary>Publishes the period; a body names the early-close reason and the cities left out (未参评) with their reasons.</summary>
    [HttpPost("periods/{periodId:guid}/publish")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<List<RankingRowDto>> PublishAsync(Guid periodId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PublishPeriodInput? input) =>
        publication.PublishAsync(periodId, input ?? new PublishPeriodInput());

    /// <summary>Takes the publication back (before the results are final); the sheets stay as versions.</summary>
    [HttpPost("periods/{periodId:guid}/withdraw-publication")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<Periods.PeriodDto> WithdrawPublicationAsync(Guid periodId, WithdrawPublicationInput input) => publication.WithdrawPublicationAsync(periodId, input);

    /// <summary>Makes the published results final.</summary>
    [HttpPost("periods/{periodId:guid}/finalize")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<Periods.PeriodDto> FinalizeAsync(Guid periodId) => publication.FinalizeAsync(periodId);

    /// <summary>对已发布的城市追加一票否决</summary>
    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/retroactive-veto")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input) =>
        changes.ApplyRetroactiveVetoAsync(periodId, cityId, input);

    /// <summary>撤回对城市填报表的审核通过</summary>
    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/withdraw-approval")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input) =>
        changes.WithdrawApprovalAsync(periodId, cityId, input);

    /// <summary>读取本城市的考评得分表</summary>
    /// <remarks>The signed-in city's sheet, once the period is published; <paramref name="version"/> reads an older version.</remarks>
    [HttpGet("periods/{periodId:guid}/my-sheet")]
    public Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, [FromQuery] int? version) => sheets.GetMySheetAsync(periodId, version);

    /// <summary>读取一份考评得分表</summary>
    /// <remarks>
    /// Served from the sheet's stored form with a strong ETag; a request whose If-None-Match names it gets 304
    /// Not Modified without a body. A new version of the sheet has its own id, hence its own tag.
    /// </remarks>
    [HttpGet("sheets/{id:guid}")]
    [ProducesResponseType<ScoreSheetRecordDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<IActionResult> GetSheetAsync(Guid id)
    {
        var sheet = await sheets.GetSheetJsonAsync(id, Request.Headers.IfNoneMatch.ToString());
        Response.Headers.ETag = sheet.ETag;

        // Always revalidated: the tag also covers what may change (appeals, current or withdrawn).
        Response.Headers.CacheControl = "private, no-cache";
        return sheet.Content is null
            ? StatusCode(StatusCodes.Status304NotModified)
            : new JsonPartsResult(sheet.Content);
    }

    /// <summary>导出考评得分表（Excel）</summary>
    [HttpGet("sheets/{id:guid}/export/xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> ExportSheetXlsxAsync(Guid id)
    {
        var file = await sheets.ExportSheetXlsxAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>导出考评得分表（PDF）</summary>
    [HttpGet("sheets/{id:guid}/export/pdf")]
    [Produces("application/pdf", "application/json")]
    public async Task<IActionResult> ExportSheetPdfAsync(Guid id)
    {
        var file = await sheets.ExportSheetPdfAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>列出城市得分表的各版本</summary>
    [HttpGet("periods/{periodId:guid}/cities/{cityId:guid}/versions")]
    public Task<List<ScoreSheetRecordDto>> GetVersionsAsync(Guid periodId, Guid cityId) => sheets.GetVersionsAsync(periodId, cityId);
}
