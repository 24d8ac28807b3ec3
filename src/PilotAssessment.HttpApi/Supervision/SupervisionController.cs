using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PilotAssessment.Dtos;
using PilotAssessment.Permissions;

namespace PilotAssessment.Supervision;

/// <summary>The province's supervision rounds.</summary>
[Route("api/app/supervision/rounds")]
[Authorize(PilotAssessmentPermissions.Supervision.Manage)]
public sealed class SupervisionRoundController(ISupervisionRoundAppService rounds) : PilotAssessmentController
{
    [HttpGet]
    public Task<List<SupervisionRoundDto>> GetListAsync() => rounds.GetListAsync();

    [HttpGet("{id:guid}")]
    public Task<SupervisionRoundDto> GetAsync(Guid id) => rounds.GetAsync(id);

    /// <summary>Users of the province who may join a supervision group.</summary>
    [HttpGet("member-candidates")]
    public Task<List<RoundMemberDto>> GetMemberCandidatesAsync() => rounds.GetMemberCandidatesAsync();

    [HttpPost]
    public Task<SupervisionRoundDto> CreateAsync(SaveRoundInput input) => rounds.CreateAsync(input);

    [HttpPut("{id:guid}")]
    public Task<SupervisionRoundDto> UpdateAsync(Guid id, SaveRoundInput input) => rounds.UpdateAsync(id, input);

    [HttpDelete("{id:guid}")]
    public Task DeleteAsync(Guid id) => rounds.DeleteAsync(id);
}

/// <summary>The register of assigned problems and their rectification.</summary>
[Route("api/app/supervision/problems")]
[Authorize(PilotAssessmentPermissions.Supervision.Default)]
public sealed class ProblemController(IProblemAppService problems) : PilotAssessmentController
{
    // Above the 10 MB file limit, so an oversized file reaches the check that explains it (400, not 413).
    public const long MaxUploadBytes = SupervisionConsts.MaxEvidenceBytes + (2 * 1024 * 1024);

    [HttpGet]
    public Task<PagedResultDto<ProblemDto>> GetListAsync([FromQuery] GetProblemsInput input) => problems.GetListAsync(input);

    /// <summary>The province's matrix of problems by city and state.</summary>
    [HttpGet("matrix")]
    public Task<ProblemMatrixDto> GetMatrixAsync() => problems.GetMatrixAsync();

    [HttpGet("xlsx")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> ExportXlsxAsync([FromQuery] GetProblemsInput input)
    {
        var file = await problems.ExportXlsxAsync(input);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("{id:guid}")]
    public Task<ProblemDetailDto> GetAsync(Guid id) => problems.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> CreateAsync(CreateProblemInput input) => problems.CreateAsync(input);

    /// <summary>One click on an early warning of the monitoring: a problem for that city, linked to the period and the line or category.</summary>
    [HttpPost("from-warning")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> RaiseFromWarningAsync(RaiseFromWarningInput input) => problems.RaiseFromWarningAsync(input);

    [HttpPost("{id:guid}/hand-to-unit")]
    [Authorize(PilotAssessmentPermissions.Supervision.Assign)]
    public Task<ProblemDto> HandToUnitAsync(Guid id, HandToUnitInput input) => problems.HandToUnitAsync(id, input);

    [HttpPost("{id:guid}/evidence")]
    [Authorize(PermissionPolicies.ProblemEvidence)]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<ProblemEvidenceDto> UploadEvidenceAsync(Guid id, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await problems.UploadEvidenceAsync(id, file.FileName, stream, file.Length);
    }

    [HttpGet("{id:guid}/evidence/{evidenceId:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id, Guid evidenceId)
    {
        var file = await problems.DownloadEvidenceAsync(id, evidenceId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("{id:guid}/report")]
    [Authorize(PilotAssessmentPermissions.Supervision.Rectify)]
    public Task<ProblemDto> ReportRectificationAsync(Guid id, ReportRectificationInput input) => problems.ReportRectificationAsync(id, input);

    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> CloseAsync(Guid id, CloseProblemInput input) => problems.CloseAsync(id, input);

    [HttpPost("{id:guid}/reject")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> RejectAsync(Guid id, RejectRectificationInput input) => problems.RejectAsync(id, input);
}
