using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PilotAssessment.Dtos;

namespace PilotAssessment.Schemes;

/// <summary>考评方案</summary>
[Route("api/app/schemes")]
[Authorize(PilotAssessmentPermissions.Schemes.Default)]
public sealed class SchemeController(ISchemeAppService schemes) : PilotAssessmentController
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>列出考评方案</summary>
    [HttpGet]
    public Task<PagedResultDto<SchemeDto>> GetListAsync([FromQuery] GetSchemesInput input) => schemes.GetListAsync(input);

    /// <summary>读取一个考评方案</summary>
    [HttpGet("{id:guid}")]
    public Task<SchemeDto> GetAsync(Guid id) => schemes.GetAsync(id);

    /// <summary>新建考评方案草稿</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> CreateAsync(CreateSchemeInput input) => schemes.CreateAsync(input);

    /// <summary>修改考评方案草稿</summary>
    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateAsync(Guid id, UpdateSchemeInput input) => schemes.UpdateAsync(id, input);

    /// <summary>删除考评方案草稿</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task DeleteAsync(Guid id) => schemes.DeleteAsync(id);

    /// <summary>发布考评方案</summary>
    [HttpPost("{id:guid}/publish")]
    [Authorize(PilotAssessmentPermissions.Schemes.Publish)]
    public Task<SchemeDto> PublishAsync(Guid id) => schemes.PublishAsync(id);

    /// <summary>归档考评方案</summary>
    [HttpPost("{id:guid}/archive")]
    [Authorize(PilotAssessmentPermissions.Schemes.Publish)]
    public Task<SchemeDto> ArchiveAsync(Guid id) => schemes.ArchiveAsync(id);

    /// <summary>复制考评方案为新草稿</summary>
    [HttpPost("{id:guid}/copy")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> CopyAsNewDraftAsync(Guid id) => schemes.CopyAsNewDraftAsync(id);

    /// <summary>导出考评方案（JSON）</summary>
    [HttpGet("{id:guid}/export/json")]
    [Produces("application/json", "application/octet-stream")]
    public async Task<IActionResult> ExportJsonAsync(Guid id)
    {
        var file = await schemes.ExportJsonAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>导入考评方案（JSON）</summary>
    [HttpPost("import/json")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    [RequestSizeLimit(MaxImportBytes)]
    public async Task<SchemeDto> ImportJsonAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await schemes.ImportJsonAsync(stream);
    }

    /// <summary>导出考评方案（Excel）</summary>
    [HttpGet("{id:guid}/export/xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")]
    public async Task<IActionResult> ExportExcelAsync(Guid id)
    {
        var file = await schemes.ExportExcelAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>导入考评方案（Excel）</summary>
    [HttpPost("import/xlsx")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    [RequestSizeLimit(MaxImportBytes)]
    public async Task<SchemeDto> ImportExcelAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await schemes.ImportExcelAsync(stream);
    }

    /// <summary>在考评方案草稿中新增类别</summary>
    [HttpPost("{id:guid}/categories")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddCategoryAsync(Guid id, AddCategoryInput input) => schemes.AddCategoryAsync(id, input);

    /// <summary>修改考评方案草稿的类别</summary>
    [HttpPut("{id:guid}/categories/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateCategoryAsync(Guid id, string code, UpdateCategoryInput input) => schemes.UpdateCategoryAsync(id, code, input);

    /// <summary>调整考评方案草稿中类别的位置</summary>
    [HttpPost("{id:guid}/categories/{code}/move")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveCategoryAsync(Guid id, string code, MoveCategoryInput input) => schemes.MoveCategoryAsync(id, code, input);

    /// <summary>从考评方案草稿中删除类别</summary>
    [HttpDelete("{id:guid}/categories/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveCategoryAsync(Guid id, string code, [FromQuery, BindRequired] string concurrencyStamp) =>
        schemes.RemoveCategoryAsync(id, code, concurrencyStamp);

    /// <summary>在考评方案草稿中新增指标</summary>
    [HttpPost("{id:guid}/indicators")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddIndicatorAsync(Guid id, AddIndicatorInput input) => schemes.AddIndicatorAsync(id, input);

    /// <summary>修改考评方案草稿的指标</summary>
    [HttpPut("{id:guid}/indicators/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateIndicatorAsync(Guid id, string code, UpdateIndicatorInput input) => schemes.UpdateIndicatorAsync(id, code, input);

    /// <summary>调整考评方案草稿中指标的位置</summary>
    [HttpPost("{id:guid}/indicators/{code}/move")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveIndicatorAsync(Guid id, string code, MoveIndicatorInput input) => schemes.MoveIndicatorAsync(id, code, input);

    /// <summary>从考评方案草稿中删除指标</summary>
    [HttpDelete("{id:guid}/indicators/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveIndicatorAsync(Guid id, string code, [FromQuery, BindRequired] string concurrencyStamp) =>
        schemes.RemoveIndicatorAsync(id, code, concurrencyStamp);

    /// <summary>Scores the given values against a scheme without saving anything.</summary>
    /// <summary>试算：按方案规则对给定值打分</summary>
    /// <remarks>Scores the given values against a scheme without saving anything.</remarks>
    [HttpPost("preview")]
    public Task<ScoreSheetDto> PreviewAsync(PreviewScoreInput input) => schemes.PreviewAsync(input);
}
