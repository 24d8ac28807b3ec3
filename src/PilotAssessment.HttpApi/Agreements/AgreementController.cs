using Microsoft.AspNetCore.Http;
using PilotAssessment.Dtos;

namespace PilotAssessment.Agreements;

/// <summary>目标责任书</summary>
[Route("api/app/agreements")]
[Authorize(PilotAssessmentPermissions.Agreements.Default)]
public sealed class AgreementController(
    IAgreementAppService agreements,
    IAgreementAttachmentAppService attachments,
    IKeyTaskProgressAppService keyTasks,
    IAgreementExportAppService exports,
    IAgreementBulkIssueAppService bulk) : PilotAssessmentController
{
    // Above the 10 MB file limit, so an oversized file reaches the check that explains it (400, not 413).
    public const long MaxUploadBytes = AgreementConsts.MaxAttachmentBytes + (2 * 1024 * 1024);

    /// <summary>分页列出目标责任书</summary>
    [HttpGet]
    public Task<PagedResultDto<AgreementDto>> GetListAsync([FromQuery] GetAgreementsInput input) => agreements.GetListAsync(input);

    /// <summary>各城市年度重点任务进展总览</summary>
    /// <remarks>The province's overview: every city's key tasks of the year by status.</remarks>
    [HttpGet("key-task-matrix")]
    public Task<KeyTaskMatrixDto> GetKeyTaskMatrixAsync([FromQuery] int year) => keyTasks.GetKeyTaskMatrixAsync(year);

    /// <summary>读取一份目标责任书</summary>
    [HttpGet("{id:guid}")]
    public Task<AgreementDto> GetAsync(Guid id) => agreements.GetAsync(id);

    /// <summary>起草目标责任书</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CreateAsync(CreateAgreementInput input) => agreements.CreateAsync(input);

    /// <summary>按模板向多个城市批量下达目标责任书</summary>
    /// <remarks>
    /// Every selected city's agreement of the year from one template agreement with per-city targets, all or none;
    /// issuing again changes nothing.
    /// </remarks>
    [HttpPost("bulk-issue")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<BulkIssueResultDto> BulkIssueAsync(BulkIssueAgreementsInput input) => bulk.BulkIssueAsync(input);

    /// <summary>修改草稿状态的目标责任书</summary>
    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> UpdateAsync(Guid id, UpdateAgreementInput input) => agreements.UpdateAsync(id, input);

    /// <summary>删除草稿状态的目标责任书</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task DeleteAsync(Guid id) => agreements.DeleteAsync(id);

    /// <summary>向城市下达目标责任书</summary>
    [HttpPost("{id:guid}/issue")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> IssueAsync(Guid id) => agreements.IssueAsync(id);

    /// <summary>城市签署目标责任书</summary>
    [HttpPost("{id:guid}/sign")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    public Task<AgreementDto> SignAsync(Guid id, SignAgreementInput input) => agreements.SignAsync(id, input);

    /// <summary>使已签署的目标责任书生效</summary>
    [HttpPost("{id:guid}/put-in-force")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> PutInForceAsync(Guid id) => agreements.PutInForceAsync(id);

    /// <summary>办结目标责任书</summary>
    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CloseAsync(Guid id) => agreements.CloseAsync(id);

    /// <summary>发起目标责任书变更（新建草稿版本）</summary>
    /// <remarks>Starts an amendment: a new draft version; the signed version stays as it is.</remarks>
    [HttpPost("{id:guid}/amend")]
    [Authorize(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> AmendAsync(Guid id) => agreements.AmendAsync(id);

    /// <summary>列出目标责任书的各版本</summary>
    [HttpGet("{id:guid}/versions")]
    public Task<List<AgreementVersionDto>> GetVersionsAsync(Guid id) => agreements.GetVersionsAsync(id);

    /// <summary>比较目标责任书的两个版本</summary>
    [HttpGet("{id:guid}/diff/{otherId:guid}")]
    public Task<AgreementDiffDto> GetDiffAsync(Guid id, Guid otherId) => exports.GetDiffAsync(id, otherId);

    /// <summary>把责任书指标和重点任务分解到城市的单位</summary>
    /// <remarks>The city's cascade: lines and key tasks to its units.</remarks>
    [HttpPut("{id:guid}/assignments")]
    [Authorize(PilotAssessmentPermissions.Agreements.Assign)]
    public Task<AgreementDto> AssignUnitsAsync(Guid id, AssignUnitsInput input) => keyTasks.AssignUnitsAsync(id, input);

    /// <summary>列出目标责任书的附件</summary>
    [HttpGet("{id:guid}/attachments")]
    public Task<List<AgreementAttachmentDto>> GetAttachmentsAsync(Guid id) => attachments.GetAttachmentsAsync(id);

    /// <summary>上传签署扫描件</summary>
    /// <remarks>The signed scan: PDF, PNG or JPEG, at most 10 MB.</remarks>
    [HttpPost("{id:guid}/attachments")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<AgreementAttachmentDto> UploadAttachmentAsync(Guid id, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await attachments.UploadAttachmentAsync(id, file.FileName, stream, file.Length);
    }

    /// <summary>下载目标责任书附件</summary>
    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadAttachmentAsync(Guid id, Guid attachmentId)
    {
        var file = await attachments.DownloadAttachmentAsync(id, attachmentId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>删除目标责任书附件</summary>
    [HttpDelete("{id:guid}/attachments/{attachmentId:guid}")]
    [Authorize(PilotAssessmentPermissions.Agreements.Sign)]
    public Task DeleteAttachmentAsync(Guid id, Guid attachmentId) => attachments.DeleteAttachmentAsync(id, attachmentId);

    /// <summary>报送重点任务进展</summary>
    /// <remarks>A progress report on a key task, with an optional evidence file (same rules as the scan).</remarks>
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

    /// <summary>列出重点任务的进展报送</summary>
    [HttpGet("{id:guid}/key-tasks/{code}/progress")]
    public Task<List<KeyTaskProgressDto>> GetProgressAsync(Guid id, string code) => keyTasks.GetProgressAsync(id, code);

    /// <summary>导出目标责任书（Word）</summary>
    [HttpGet("{id:guid}/export/docx")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> ExportDocxAsync(Guid id)
    {
        var file = await exports.ExportDocxAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
