using System.Text.Json;
using PilotAssessment.Dtos;

namespace PilotAssessment.Schemes;

public interface ISchemeAppService : IApplicationService
{
    Task<PagedResultDto<SchemeDto>> GetListAsync(GetSchemesInput input);

    Task<SchemeDto> GetAsync(Guid id);

    Task<SchemeDto> CreateAsync(CreateSchemeInput input);

    Task<SchemeDto> UpdateAsync(Guid id, UpdateSchemeInput input);

    Task DeleteAsync(Guid id);

    Task<SchemeDto> PublishAsync(Guid id);

    Task<SchemeDto> ArchiveAsync(Guid id);

    Task<SchemeDto> CopyAsNewDraftAsync(Guid id);

    Task<FileDto> ExportJsonAsync(Guid id);

    Task<SchemeDto> ImportJsonAsync(Stream content);

    /// <summary>The scheme as the xlsx workbook officials keep (sheets 方案, 指标, 数据项, 加分项, 否决项, 等次, 预警色).</summary>
    Task<FileDto> ExportExcelAsync(Guid id);

    /// <summary>A new draft from an xlsx workbook; any cell error refuses the whole file (400, errors by sheet!cell).</summary>
    Task<SchemeDto> ImportExcelAsync(Stream content);

    Task<ScoreSheetDto> PreviewAsync(PreviewScoreInput input);

    // Editing a draft's tree, one change at a time; a published or archived scheme refuses every one (400).
    Task<SchemeDto> AddCategoryAsync(Guid id, AddCategoryInput input);

    Task<SchemeDto> UpdateCategoryAsync(Guid id, string code, UpdateCategoryInput input);

    Task<SchemeDto> MoveCategoryAsync(Guid id, string code, MoveCategoryInput input);

    /// <summary>Removes an empty category; one with indicators or subcategories is refused.</summary>
    Task<SchemeDto> RemoveCategoryAsync(Guid id, string code, string concurrencyStamp);

    Task<SchemeDto> AddIndicatorAsync(Guid id, AddIndicatorInput input);

    Task<SchemeDto> UpdateIndicatorAsync(Guid id, string code, UpdateIndicatorInput input);

    Task<SchemeDto> MoveIndicatorAsync(Guid id, string code, MoveIndicatorInput input);

    Task<SchemeDto> RemoveIndicatorAsync(Guid id, string code, string concurrencyStamp);
}
