namespace PilotAssessment.Results.Briefing;

/// <summary>考评结果导出（预警、填报进度、通报）</summary>
[Route("api/app/results/periods/{periodId:guid}")]
public sealed class ResultExportController(IResultExportAppService exports) : PilotAssessmentController
{
    /// <summary>导出预警清单（Excel）</summary>
    [HttpGet("warnings/export/xlsx")]
    [Authorize(PilotAssessmentPermissions.Dashboard)]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> ExportWarningsXlsxAsync(Guid periodId)
    {
        var file = await exports.ExportWarningsXlsxAsync(periodId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>导出填报进度（Excel）</summary>
    [HttpGet("completeness/export/xlsx")]
    [Authorize(PermissionPolicies.ProvinceResults)]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> ExportCompletenessXlsxAsync(Guid periodId)
    {
        var file = await exports.ExportCompletenessXlsxAsync(periodId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>导出考评情况通报（Word）</summary>
    /// <remarks>The ranking, category table and warnings in the official document format, with the 发文字号 and title given.</remarks>
    [HttpGet("briefing/export/docx")]
    [Authorize(PilotAssessmentPermissions.Dashboard)]
    [Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/json")]
    public async Task<IActionResult> ExportBriefingDocxAsync(Guid periodId, [FromQuery] BriefingInput input)
    {
        var file = await exports.ExportBriefingDocxAsync(periodId, input);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
