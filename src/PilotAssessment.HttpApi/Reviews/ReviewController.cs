using PilotAssessment.DataEntry;

namespace PilotAssessment.Reviews;

/// <summary>审核</summary>
[Route("api/app/reviews")]
[Authorize(PilotAssessmentPermissions.Review.Default)]
public sealed class ReviewController(IReviewAppService reviews) : PilotAssessmentController
{
    /// <summary>审核队列：各城市的提交情况</summary>
    [HttpGet("periods/{periodId:guid}/submissions")]
    public Task<List<SubmissionDto>> GetSubmissionsAsync(Guid periodId) => reviews.GetSubmissionsAsync(periodId);

    /// <summary>读取待审核的城市填报表</summary>
    [HttpGet("periods/{periodId:guid}/cities/{cityId:guid}")]
    public Task<EntrySheetDto> GetCitySheetAsync(Guid periodId, Guid cityId) => reviews.GetCitySheetAsync(periodId, cityId);

    /// <summary>调整一项指标的审核得分（需写明理由）</summary>
    [HttpPost("lines/{lineId:guid}/adjust")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> AdjustLineAsync(Guid lineId, AdjustLineInput input) => reviews.AdjustLineAsync(lineId, input);

    /// <summary>撤销调整，恢复自评得分（需写明理由）</summary>
    [HttpPost("lines/{lineId:guid}/clear-adjustment")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> ClearAdjustmentAsync(Guid lineId, ClearAdjustmentInput input) => reviews.ClearAdjustmentAsync(lineId, input);

    /// <summary>退回城市填报表</summary>
    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/return")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<SubmissionDto> ReturnAsync(Guid periodId, Guid cityId, ReturnSubmissionInput input) => reviews.ReturnAsync(periodId, cityId, input);

    /// <summary>审核通过城市填报表</summary>
    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/approve")]
    [Authorize(PilotAssessmentPermissions.Review.Approve)]
    public Task<SubmissionDto> ApproveAsync(Guid periodId, Guid cityId) => reviews.ApproveAsync(periodId, cityId);

    /// <summary>审核时下载佐证材料</summary>
    [HttpGet("evidence/{id:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id)
    {
        var file = await reviews.DownloadEvidenceAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
