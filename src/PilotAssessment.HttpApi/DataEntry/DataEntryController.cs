using Microsoft.AspNetCore.Http;

namespace PilotAssessment.DataEntry;

/// <summary>指标填报</summary>
[Route("api/app/data-entry")]
[Authorize(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class DataEntryController(
    IEntrySheetAppService entry,
    IEntryReportingAppService reporting,
    ICityFactsAppService facts,
    IEvidenceAppService evidence,
    IEntryXlsxAppService xlsx,
    IEntryScoringAppService scoring) : PilotAssessmentController
{
    /// <summary>读取本城市（本单位）某考评周期的填报表</summary>
    [HttpGet("periods/{periodId:guid}")]
    public Task<EntrySheetDto> GetSheetAsync(Guid periodId) => entry.GetSheetAsync(periodId);

    /// <summary>保存一项指标的填报值</summary>
    /// <remarks>Saves a draft of the line; a stale concurrency stamp answers 409 with the current line under "current".</remarks>
    [HttpPut("periods/{periodId:guid}/lines/{indicatorCode}")]
    public Task<EntryLineDto> SaveLineAsync(Guid periodId, string indicatorCode, SaveEntryLineInput input) => entry.SaveLineAsync(periodId, indicatorCode, input);

    /// <summary>试算：按输入的值计算一项指标的得分和城市自评总分</summary>
    /// <remarks>The points the line would get with a value not saved yet, and the city's 自评总分 with it; nothing is saved.</remarks>
    [HttpPost("periods/{periodId:guid}/lines/{indicatorCode}/preview")]
    public Task<LineScorePreviewDto> PreviewLineAsync(Guid periodId, string indicatorCode, PreviewLineInput input) => scoring.PreviewLineAsync(periodId, indicatorCode, input);

    /// <summary>保存城市基础数据（人口等）</summary>
    [HttpPut("periods/{periodId:guid}/facts")]
    public Task<CityFactsDto> SaveFactsAsync(Guid periodId, CityFactsDto input) => facts.SaveFactsAsync(periodId, input);

    /// <summary>A clerk reports lines to the city administrator (单位报送).</summary>
    [HttpPost("periods/{periodId:guid}/lines/submit")]
    public Task<EntrySheetDto> SubmitLinesAsync(Guid periodId, SubmitLinesInput input) => reporting.SubmitLinesAsync(periodId, input);

    /// <summary>城市管理员退回指标给经办人</summary>
    /// <remarks>The city administrator returns reported lines to their unit with a comment.</remarks>
    [HttpPost("periods/{periodId:guid}/lines/return")]
    [Authorize(PilotAssessmentPermissions.DataEntry.Submit)]
    public Task<EntrySheetDto> ReturnLinesAsync(Guid periodId, ReturnLinesInput input) => reporting.ReturnLinesAsync(periodId, input);

    /// <summary>城市管理员向省级提交填报表</summary>
    [HttpPost("periods/{periodId:guid}/submit")]
    [Authorize(PilotAssessmentPermissions.DataEntry.Submit)]
    public Task<SubmissionDto> SubmitAsync(Guid periodId) => reporting.SubmitAsync(periodId);

    /// <summary>下载填报模板（Excel）</summary>
    [HttpGet("periods/{periodId:guid}/xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json")]
    public async Task<IActionResult> DownloadTemplateAsync(Guid periodId)
    {
        var file = await xlsx.DownloadTemplateAsync(periodId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>上传填好的 Excel 批量填报</summary>
    [HttpPost("periods/{periodId:guid}/xlsx")]
    [RequestSizeLimit(DataEntryConsts.MaxXlsxBytes)]
    public async Task<EntrySheetDto> UploadXlsxAsync(Guid periodId, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return await xlsx.UploadXlsxAsync(periodId, buffer);
    }

    /// <summary>读取一项指标的填报</summary>
    [HttpGet("lines/{lineId:guid}")]
    public Task<EntryLineDto> GetLineAsync(Guid lineId) => entry.GetLineAsync(lineId);

    /// <summary>读取一项指标的修改历史</summary>
    [HttpGet("lines/{lineId:guid}/history")]
    public Task<List<ValueHistoryDto>> GetHistoryAsync(Guid lineId) => entry.GetHistoryAsync(lineId);

    /// <summary>上传佐证材料</summary>
    [HttpPost("lines/{lineId:guid}/evidence")]
    [RequestSizeLimit(DataEntryConsts.MaxEvidenceBytes + (1024 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = DataEntryConsts.MaxEvidenceBytes + (1024 * 1024))]
    public async Task<EvidenceDto> UploadEvidenceAsync(Guid lineId, IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        return await evidence.UploadEvidenceAsync(lineId, file.FileName, stream, file.Length);
    }

    /// <summary>下载佐证材料</summary>
    [HttpGet("evidence/{id:guid}")]
    [Produces("application/octet-stream", "application/json")]
    public async Task<IActionResult> DownloadEvidenceAsync(Guid id)
    {
        var file = await evidence.DownloadEvidenceAsync(id);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>删除佐证材料</summary>
    [HttpDelete("evidence/{id:guid}")]
    public Task DeleteEvidenceAsync(Guid id) => evidence.DeleteEvidenceAsync(id);
}
