using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PilotAssessment.DataEntry;
using PilotAssessment.Permissions;

namespace PilotAssessment.Appeals;

/// <summary>Appeals during a period's public notice (公示): filed by the city, decided by the auditor.</summary>
[Route("api/app/appeals")]
[Authorize(PilotAssessmentPermissions.Appeals.Default)]
public sealed class AppealController(IAppealAppService appeals) : PilotAssessmentController
{
    /// <summary>读取结果公示及申诉期</summary>
    /// <remarks>The period's public notice: its end (Beijing time), whether cities may still appeal, open appeals.</remarks>
    [HttpGet("periods/{periodId:guid}/publicity")]
    public Task<PublicityDto> GetPublicityAsync(Guid periodId) => appeals.GetPublicityAsync(periodId);

    /// <summary>提前结束公示（需写明理由）</summary>
    /// <remarks>Ends the public notice before its date, with a reason (no appeal may be open).</remarks>
    [HttpPost("periods/{periodId:guid}/publicity/close")]
    [Authorize(PilotAssessmentPermissions.Results.Publish)]
    public Task<PublicityDto> ClosePublicityAsync(Guid periodId, ClosePublicityInput input) => appeals.ClosePublicityAsync(periodId, input);

    /// <summary>列出申诉</summary>
    /// <remarks>A city its own appeals; the province every city's (the auditor's queue), open first.</remarks>
    [HttpGet]
    public Task<List<AppealDto>> GetListAsync([FromQuery] GetAppealsInput input) => appeals.GetListAsync(input);

    /// <summary>读取一项申诉</summary>
    [HttpGet("{id:guid}")]
    public Task<AppealDto> GetAsync(Guid id) => appeals.GetAsync(id);

    /// <summary>公示期内提出申诉</summary>
    /// <remarks>Appeals a line (indicatorCode) or the total (no indicatorCode) of the city's current sheet.</remarks>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Appeals.Create)]
    public Task<AppealDto> CreateAsync(CreateAppealInput input) => appeals.CreateAsync(input);

    /// <summary>上传申诉佐证材料</summary>
    [HttpPost("{id:guid}/evidence")]
    [Authorize(PilotAssessmentPermissions.Appeals.Create)]
    [RequestSizeLimit(DataEntryConsts.MaxEvidenceBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = DataEntryConsts.MaxEvidenceBytes + (1024 * 1024))]
    public async Task<AppealEvidenceDto> UploadEvidenceAsync(Guid id, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await appeals.UploadEvidenceAsync(id, file.FileName, stream, file.Length);
    }

    /// <summary>下载申诉佐证材料</summary>
    [HttpGet("evidence/{id:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id)
    {
        var file = await appeals.DownloadEvidenceAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Upholds: the line's new score becomes a new sheet version (申诉改判) and every city is re-ranked.</summary>
    [HttpPost("{id:guid}/uphold")]
    [Authorize(PilotAssessmentPermissions.Appeals.Decide)]
    public Task<AppealDto> UpholdAsync(Guid id, UpholdAppealInput input) => appeals.UpholdAsync(id, input);

    /// <summary>驳回申诉（需写明理由）</summary>
    [HttpPost("{id:guid}/reject")]
    [Authorize(PilotAssessmentPermissions.Appeals.Decide)]
    public Task<AppealDto> RejectAsync(Guid id, RejectAppealInput input) => appeals.RejectAsync(id, input);
}
