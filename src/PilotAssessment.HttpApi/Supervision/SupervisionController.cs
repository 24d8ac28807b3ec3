using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PilotAssessment.Dtos;
using PilotAssessment.Permissions;

namespace PilotAssessment.Supervision;

/// <summary>督导轮次</summary>
/// <remarks>The province's supervision rounds.</remarks>
[Route("api/app/supervision/rounds")]
[Authorize(PilotAssessmentPermissions.Supervision.Manage)]
public sealed class SupervisionRoundController(ISupervisionRoundAppService rounds) : PilotAssessmentController
{
    /// <summary>列出督导轮次</summary>
    [HttpGet]
    public Task<List<SupervisionRoundDto>> GetListAsync() => rounds.GetListAsync();

    /// <summary>读取一个督导轮次</summary>
    [HttpGet("{id:guid}")]
    public Task<SupervisionRoundDto> GetAsync(Guid id) => rounds.GetAsync(id);

    /// <summary>列出可加入督导组的省级人员</summary>
    /// <remarks>Users of the province who may join a supervision group.</remarks>
    [HttpGet("member-candidates")]
    public Task<List<RoundMemberDto>> GetMemberCandidatesAsync() => rounds.GetMemberCandidatesAsync();

    /// <summary>列出督导可走访的市级单位</summary>
    /// <remarks>The open units of a pilot city, which a round may visit there.</remarks>
    [HttpGet("unit-candidates")]
    public Task<List<RoundUnitDto>> GetUnitCandidatesAsync([FromQuery] Guid cityId) => rounds.GetUnitCandidatesAsync(cityId);

    /// <summary>新建督导轮次</summary>
    [HttpPost]
    public Task<SupervisionRoundDto> CreateAsync(SaveRoundInput input) => rounds.CreateAsync(input);

    /// <summary>修改督导轮次</summary>
    [HttpPut("{id:guid}")]
    public Task<SupervisionRoundDto> UpdateAsync(Guid id, SaveRoundInput input) => rounds.UpdateAsync(id, input);

    /// <summary>删除督导轮次</summary>
    [HttpDelete("{id:guid}")]
    public Task DeleteAsync(Guid id) => rounds.DeleteAsync(id);
}

/// <summary>交办问题与整改</summary>
/// <remarks>The register of assigned problems and their rectification.</remarks>
[Route("api/app/supervision/problems")]
[Authorize(PilotAssessmentPermissions.Supervision.Default)]
public sealed class ProblemController(IProblemAppService problems) : PilotAssessmentController
{
    // Above the 10 MB file limit, so an oversized file reaches the check that explains it (400, not 413).
    public const long MaxUploadBytes = SupervisionConsts.MaxEvidenceBytes + (2 * 1024 * 1024);

    /// <summary>分页列出交办问题</summary>
    [HttpGet]
    public Task<PagedResultDto<ProblemDto>> GetListAsync([FromQuery] GetProblemsInput input) => problems.GetListAsync(input);

    /// <summary>各城市交办问题按状态汇总</summary>
    /// <remarks>The province's matrix of problems by city and state.</remarks>
    [HttpGet("matrix")]
    public Task<ProblemMatrixDto> GetMatrixAsync() => problems.GetMatrixAsync();

    /// <summary>导出交办问题（Excel）</summary>
    [HttpGet("xlsx")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> ExportXlsxAsync([FromQuery] GetProblemsInput input)
    {
        var file = await problems.ExportXlsxAsync(input);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>读取一个交办问题及其全部记录</summary>
    [HttpGet("{id:guid}")]
    public Task<ProblemDetailDto> GetAsync(Guid id) => problems.GetAsync(id);

    /// <summary>交办问题</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> CreateAsync(CreateProblemInput input) => problems.CreateAsync(input);

    /// <summary>由预警生成交办问题</summary>
    /// <remarks>One click on an early warning of the monitoring: a problem for that city, linked to the period and the line or category.</remarks>
    [HttpPost("from-warning")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> RaiseFromWarningAsync(RaiseFromWarningInput input) => problems.RaiseFromWarningAsync(input);

    /// <summary>城市接收问题并交给单位整改</summary>
    [HttpPost("{id:guid}/hand-to-unit")]
    [Authorize(PilotAssessmentPermissions.Supervision.Assign)]
    public Task<ProblemDto> HandToUnitAsync(Guid id, HandToUnitInput input) => problems.HandToUnitAsync(id, input);

    /// <summary>上传整改佐证材料</summary>
    [HttpPost("{id:guid}/evidence")]
    [Authorize(PermissionPolicies.ProblemEvidence)]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<ProblemEvidenceDto> UploadEvidenceAsync(Guid id, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await problems.UploadEvidenceAsync(id, file.FileName, stream, file.Length);
    }

    /// <summary>下载整改佐证材料</summary>
    [HttpGet("{id:guid}/evidence/{evidenceId:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id, Guid evidenceId)
    {
        var file = await problems.DownloadEvidenceAsync(id, evidenceId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>单位报告整改情况</summary>
    [HttpPost("{id:guid}/report")]
    [Authorize(PilotAssessmentPermissions.Supervision.Rectify)]
    public Task<ProblemDto> ReportRectificationAsync(Guid id, ReportRectificationInput input) => problems.ReportRectificationAsync(id, input);

    /// <summary>核验通过并销号</summary>
    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> CloseAsync(Guid id, CloseProblemInput input) => problems.CloseAsync(id, input);

    /// <summary>核验不通过，退回整改</summary>
    [HttpPost("{id:guid}/reject")]
    [Authorize(PilotAssessmentPermissions.Supervision.Manage)]
    public Task<ProblemDto> RejectAsync(Guid id, RejectRectificationInput input) => problems.RejectAsync(id, input);
}
