using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PilotAssessment.Results;

/// <remarks>
/// Results read by the dashboards: each endpoint accepts any one of its policy's permissions, so a provincial user
/// with only the Dashboard permission reads them as reviewers do. Named "Result" so the operation ids (Result_GetRanking,
/// Result_GetMonitoring…) stay those of the generated client's ResultService.
/// </remarks>
[Route("api/app/results")]
[SharedControllerName("Result")]
public sealed class ResultMonitoringController(IResultRankingAppService results, IResultMonitoringAppService monitoring) : PilotAssessmentController
{
    /// <summary>读取周期排名</summary>
    [HttpGet("periods/{periodId:guid}/ranking")]
    [Authorize(PermissionPolicies.ProvinceResults)]
    public Task<List<RankingRowDto>> GetRankingAsync(Guid periodId) => results.GetRankingAsync(periodId);

    /// <summary>导出周期排名（Excel）</summary>
    [HttpGet("periods/{periodId:guid}/ranking/export/xlsx")]
    [Authorize(PermissionPolicies.ProvinceResults)]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> ExportRankingXlsxAsync(Guid periodId)
    {
        var file = await results.ExportRankingXlsxAsync(periodId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>各城市填报进度</summary>
    [HttpGet("periods/{periodId:guid}/completeness")]
    [Authorize(PermissionPolicies.ProvinceResults)]
    public Task<List<CompletenessRowDto>> GetCompletenessAsync(Guid periodId) => results.GetCompletenessAsync(periodId);

    /// <summary>监测指数与预警</summary>
    /// <remarks>Each pilot city's current total, categories, colour and warnings (a city: its own row).</remarks>
    [HttpGet("periods/{periodId:guid}/monitoring")]
    [Authorize(PermissionPolicies.Monitoring)]
    public Task<List<CityMonitoringDto>> GetMonitoringAsync(Guid periodId) => monitoring.GetMonitoringAsync(periodId);

    /// <summary>各周期得分趋势</summary>
    /// <remarks>Every published period of the scheme, per city (a city: its own points).</remarks>
    [HttpGet("trends")]
    [Authorize(PermissionPolicies.Trends)]
    public Task<List<TrendPointDto>> GetTrendsAsync([FromQuery] Guid schemeId) => monitoring.GetTrendsAsync(schemeId);
}

/// <summary>Gives a controller another's name (operation ids and OpenAPI tag) while its authorization stays its own.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class SharedControllerNameAttribute(string name) : Attribute, IControllerModelConvention
{
    public void Apply(ControllerModel controller) => controller.ControllerName = name;
}
