using PilotAssessment.DataEntry;

namespace PilotAssessment.Reviews;

[Route("api/app/reviews")]
[Authorize(PilotAssessmentPermissions.Review.Default)]
public sealed class ReviewController(IReviewAppService reviews) : PilotAssessmentController
{
    [HttpGet("periods/{periodId:guid}/submissions")]
    public Task<List<SubmissionDto>> GetSubmissionsAsync(Guid periodId) => reviews.GetSubmissionsAsync(periodId);

    [HttpGet("periods/{periodId:guid}/cities/{cityId:guid}")]
    public Task<EntrySheetDto> GetCitySheetAsync(Guid periodId, Guid cityId) => reviews.GetCitySheetAsync(periodId, cityId);

    [HttpPost("lines/{lineId:guid}/adjust")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> AdjustLineAsync(Guid lineId, AdjustLineInput input) => reviews.AdjustLineAsync(lineId, input);

    [HttpPost("lines/{lineId:guid}/clear-adjustment")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<EntryLineDto> ClearAdjustmentAsync(Guid lineId, ClearAdjustmentInput input) => reviews.ClearAdjustmentAsync(lineId, input);

    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/return")]
    [Authorize(PilotAssessmentPermissions.Review.Adjust)]
    public Task<SubmissionDto> ReturnAsync(Guid periodId, Guid cityId, ReturnSubmissionInput input) => reviews.ReturnAsync(periodId, cityId, input);

    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/approve")]
    [Authorize(PilotAssessmentPermissions.Review.Approve)]
    public Task<SubmissionDto> ApproveAsync(Guid periodId, Guid cityId) => reviews.ApproveAsync(periodId, cityId);

    [HttpGet("evidence/{id:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id)
    {
        var file = await reviews.DownloadEvidenceAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
