using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PilotAssessment.Dtos;
using PilotAssessment.Permissions;

namespace PilotAssessment.Schemes;

[Route("api/app/schemes")]
[Authorize(PilotAssessmentPermissions.Schemes.Default)]
public sealed class SchemeController(ISchemeAppService schemes) : PilotAssessmentController
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    [HttpGet]
    public Task<PagedResultDto<SchemeDto>> GetListAsync([FromQuery] GetSchemesInput input) => schemes.GetListAsync(input);

    [HttpGet("{id:guid}")]
    public Task<SchemeDto> GetAsync(Guid id) => schemes.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> CreateAsync(CreateSchemeInput input) => schemes.CreateAsync(input);

    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateAsync(Guid id, UpdateSchemeInput input) => schemes.UpdateAsync(id, input);

    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task DeleteAsync(Guid id) => schemes.DeleteAsync(id);

    [HttpPost("{id:guid}/publish")]
    [Authorize(PilotAssessmentPermissions.Schemes.Publish)]
    public Task<SchemeDto> PublishAsync(Guid id) => schemes.PublishAsync(id);

    [HttpPost("{id:guid}/archive")]
    [Authorize(PilotAssessmentPermissions.Schemes.Publish)]
    public Task<SchemeDto> ArchiveAsync(Guid id) => schemes.ArchiveAsync(id);

    [HttpPost("{id:guid}/copy")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> CopyAsNewDraftAsync(Guid id) => schemes.CopyAsNewDraftAsync(id);

    [HttpGet("{id:guid}/export/json")]
    [Produces("application/json", "application/octet-stream")]
    public async Task<IActionResult> ExportJsonAsync(Guid id)
    {
        var file = await schemes.ExportJsonAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("import/json")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    [RequestSizeLimit(MaxImportBytes)]
    public async Task<SchemeDto> ImportJsonAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await schemes.ImportJsonAsync(stream);
    }

    [HttpGet("{id:guid}/export/xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")]
    public async Task<IActionResult> ExportExcelAsync(Guid id)
    {
        var file = await schemes.ExportExcelAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("import/xlsx")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    [RequestSizeLimit(MaxImportBytes)]
    public async Task<SchemeDto> ImportExcelAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await schemes.ImportExcelAsync(stream);
    }

    [HttpPost("{id:guid}/categories")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddCategoryAsync(Guid id, AddCategoryInput input) => schemes.AddCategoryAsync(id, input);

    [HttpPut("{id:guid}/categories/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateCategoryAsync(Guid id, string code, UpdateCategoryInput input) => schemes.UpdateCategoryAsync(id, code, input);

    [HttpPost("{id:guid}/categories/{code}/move")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveCategoryAsync(Guid id, string code, MoveCategoryInput input) => schemes.MoveCategoryAsync(id, code, input);

    [HttpDelete("{id:guid}/categories/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveCategoryAsync(Guid id, string code, [FromQuery, BindRequired] string concurrencyStamp) =>
        schemes.RemoveCategoryAsync(id, code, concurrencyStamp);

    [HttpPost("{id:guid}/indicators")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddIndicatorAsync(Guid id, AddIndicatorInput input) => schemes.AddIndicatorAsync(id, input);

    [HttpPut("{id:guid}/indicators/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateIndicatorAsync(Guid id, string code, UpdateIndicatorInput input) => schemes.UpdateIndicatorAsync(id, code, input);

    [HttpPost("{id:guid}/indicators/{code}/move")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveIndicatorAsync(Guid id, string code, MoveIndicatorInput input) => schemes.MoveIndicatorAsync(id, code, input);

    [HttpDelete("{id:guid}/indicators/{code}")]
    [Authorize(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveIndicatorAsync(Guid id, string code, [FromQuery, BindRequired] string concurrencyStamp) =>
        schemes.RemoveIndicatorAsync(id, code, concurrencyStamp);

    /// <summary>Scores the given values against a scheme without saving anything.</summary>
    [HttpPost("preview")]
    public Task<ScoreSheetDto> PreviewAsync(PreviewScoreInput input) => schemes.PreviewAsync(input);
}
