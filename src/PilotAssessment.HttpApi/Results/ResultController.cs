using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PilotAssessment.Permissions;

namespace PilotAssessment.Results;

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

    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/retroactive-veto")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input) =>
        changes.ApplyRetroactiveVetoAsync(periodId, cityId, input);

    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/withdraw-approval")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input) =>
        changes.WithdrawApprovalAsync(periodId, cityId, input);

    /// <summary>The signed-in city's sheet, once the period is published; <paramref name="version"/> reads an older version.</summary>
    [HttpGet("periods/{periodId:guid}/my-sheet")]
    public Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, [FromQuery] int? version) => sheets.GetMySheetAsync(periodId, version);

    [HttpGet("sheets/{id:guid}")]
    public Task<ScoreSheetRecordDto> GetSheetAsync(Guid id) => sheets.GetSheetAsync(id);

    [HttpGet("sheets/{id:guid}/export/xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> ExportSheetXlsxAsync(Guid id)
    {
        var file = await sheets.ExportSheetXlsxAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("sheets/{id:guid}/export/pdf")]
    [Produces("application/pdf", "application/json")]
    public async Task<IActionResult> ExportSheetPdfAsync(Guid id)
    {
        var file = await sheets.ExportSheetPdfAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("periods/{periodId:guid}/cities/{cityId:guid}/versions")]
    public Task<List<ScoreSheetRecordDto>> GetVersionsAsync(Guid periodId, Guid cityId) => sheets.GetVersionsAsync(periodId, cityId);
}
