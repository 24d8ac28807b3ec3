using Microsoft.AspNetCore.Http;
using PilotAssessment.Dtos;

namespace PilotAssessment.Agreements;

[Route("api/app/agreements")]
[Authorize(PilotAssessmentPermissions.Agreements.Default)]
public sealed class AgreementController(
    IAgreementAppService agreements,
    IAgreementAttachmentAppService attachments,
    IKeyTaskProgressAppService keyTasks,
    IAgreementExportAppService exports) : PilotAssessmentController
{
    // Above the 10 MB file limit, so an oversized file reaches the check that explains it (400, not 413).
    public const long MaxUploadBytes = AgreementConsts.MaxAttachmentBytes + (2 * 1024 * 1024);

    [HttpGet]
    public Task<PagedResultDto<AgreementDto>> GetListAsync([FromQuery] GetAgreementsInput input) => agreements.GetListAsync(input);

    /// <summary>The province's overview: every city's key tasks of the year by status.</summary>
    [HttpGet("key-task-matrix")]
    public Task<KeyTaskMatrixDto> GetKeyTaskMatrixAsync([FromQuery] int year) => keyTasks.GetKeyTaskMatrixAsync(year);

    [HttpGet("{id:guid}")]
    public Task<AgreementDto> GetAsync(Guid id) => agreements.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CreateAsync(CreateAgreementInput input) => agreements.CreateAsync(input);

    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> UpdateAsync(Guid id, UpdateAgreementInput input) => agreements.UpdateAsync(id, input);

    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task DeleteAsync(Guid id) => agreements.DeleteAsync(id);

    [HttpPost("{id:guid}/issue")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> IssueAsync(Guid id) => agreements.IssueAsync(id);

    [HttpPost("{id:guid}/sign")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    public Task<AgreementDto> SignAsync(Guid id, SignAgreementInput input) => agreements.SignAsync(id, input);

    [HttpPost("{id:guid}/put-in-force")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> PutInForceAsync(Guid id) => agreements.PutInForceAsync(id);

    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CloseAsync(Guid id) => agreements.CloseAsync(id);

    /// <summary>Starts an amendment: a new draft version; the signed version stays as it is.</summary>
    [HttpPost("{id:guid}/amend")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> AmendAsync(Guid id) => agreements.AmendAsync(id);

    [HttpGet("{id:guid}/versions")]
    public Task<List<AgreementVersionDto>> GetVersionsAsync(Guid id) => agreements.GetVersionsAsync(id);

    [HttpGet("{id:guid}/diff/{otherId:guid}")]
    public Task<AgreementDiffDto> GetDiffAsync(Guid id, Guid otherId) => exports.GetDiffAsync(id, otherId);

    /// <summary>The city's cascade: lines and key tasks to its units.</summary>
    [HttpPut("{id:guid}/assignments")]
    [Authorize(PilotAssessmentPermissions.Agreements.Assign)]
    public Task<AgreementDto> AssignUnitsAsync(Guid id, AssignUnitsInput input) => keyTasks.AssignUnitsAsync(id, input);

    [HttpGet("{id:guid}/attachments")]
    public Task<List<AgreementAttachmentDto>> GetAttachmentsAsync(Guid id) => attachments.GetAttachmentsAsync(id);

    /// <summary>The signed scan: PDF, PNG or JPEG, at most 10 MB.</summary>
    [HttpPost("{id:guid}/attachments")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<AgreementAttachmentDto> UploadAttachmentAsync(Guid id, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await attachments.UploadAttachmentAsync(id, file.FileName, stream, file.Length);
    }

    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadAttachmentAsync(Guid id, Guid attachmentId)
    {
        var file = await attachments.DownloadAttachmentAsync(id, attachmentId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpDelete("{id:guid}/attachments/{attachmentId:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    public Task DeleteAttachmentAsync(Guid id, Guid attachmentId) => attachments.DeleteAttachmentAsync(id, attachmentId);

    /// <summary>A progress report on a key task, with an optional evidence file (same rules as the scan).</summary>
    [HttpPost("{id:guid}/key-tasks/{code}/progress")]
    [Authorize(PilotAssessmentPermissions.Agreements.Report)]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<KeyTaskProgressDto> ReportProgressAsync(Guid id, string code, [FromForm] ReportProgressInput input, IFormFile? file)
    {
        if (file is null)
        {
            return await keyTasks.ReportProgressAsync(id, code, input, null, null, 0);
        }

        await using var stream = file.OpenReadStream();
        return await keyTasks.ReportProgressAsync(id, code, input, file.FileName, stream, file.Length);
    }

    [HttpGet("{id:guid}/key-tasks/{code}/progress")]
    public Task<List<KeyTaskProgressDto>> GetProgressAsync(Guid id, string code) => keyTasks.GetProgressAsync(id, code);

    [HttpGet("{id:guid}/export/docx")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> ExportDocxAsync(Guid id)
    {
        var file = await exports.ExportDocxAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
