using Microsoft.Extensions.Configuration;
using PilotAssessment.Data;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Results.Pdf;
using PilotAssessment.Schemes;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>Reading published score sheets: a city its own, the province any; every version; as xlsx and PDF.</summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Default)]
public sealed class ScoreSheetAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<Tenant> tenants,
    PdfFontProvider pdfFonts,
    ScoreSheetStore store,
    ScoreSheetDocuments documents,
    ScoreSheetLineSources sources,
    IConfiguration configuration) : PilotAssessmentAppService(context), IScoreSheetAppService
{
    public async Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, int? version)
    {
        var cityId = CurrentTenant.Id ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), periodId);
        var period = await periods.GetAsync(periodId);

        // A given version stays readable after its publication was withdrawn; the current one needs a publication.
        if (period.Status != PeriodStatus.Published && (version is null || period.PublicationWithdrawnTime is null))
        {
            throw new BusinessException(ResultErrorCodes.NotPublished, period.Name);
        }

        var query = sheets.Query().Where(s => s.PeriodId == periodId);
        query = version is { } v ? query.Where(s => s.Version == v) : query.Where(s => s.IsCurrent);
        var record = await sheets.FirstOrDefaultAsync(query) ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), periodId);
        var city = await tenants.GetAsync(cityId);
        return await WithSourcesAsync(await store.ToDtoAsync(record, city.DisplayName));
    }

    public async Task<ScoreSheetRecordDto> GetSheetAsync(Guid sheetId)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var record = await sheets.GetAsync(sheetId);
        var city = await tenants.FindAsync(record.TenantId!.Value);
        return await WithSourcesAsync(await store.ToDtoAsync(record, city?.DisplayName));
    }

    public async Task<ScoreSheetJsonDto> GetSheetJsonAsync(Guid sheetId, string? ifNoneMatch)
    {
        using var _ = ReadAcrossCitiesIfHost();
        return await documents.GetAsync(sheetId, ifNoneMatch);
    }

    public async Task<FileDto> ExportSheetXlsxAsync(Guid sheetId)
    {
        var sheet = await GetSheetAsync(sheetId);
        var period = await periods.GetAsync(sheet.PeriodId);
        var content = ScoreSheetXlsxWriter.Write(sheet, period.Name);
        return new FileDto($"{period.Name}-{sheet.CityName}-v{sheet.Version}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    public async Task<FileDto> ExportSheetPdfAsync(Guid sheetId)
    {
        var sheet = await GetSheetAsync(sheetId);
        var period = await periods.GetAsync(sheet.PeriodId);
        var typeface = pdfFonts.GetTypeface();
        var content = ScoreSheetPdfWriter.Write(sheet, period.Name, typeface, ProvinceTime.ToLocal(Now), configuration["Results:ReviewingBody"]);
        return new FileDto($"{period.Name}-{sheet.CityName}-v{sheet.Version}.pdf", "application/pdf", content);
    }

    public async Task<List<ScoreSheetRecordDto>> GetVersionsAsync(Guid periodId, Guid cityId)
    {
        if (CurrentTenant.Id is { } own && own != cityId)
        {
            throw new EntityNotFoundException(typeof(Tenant), cityId);
        }

        using var _ = ReadAcrossCitiesIfHost();
        var city = await tenants.GetAsync(cityId);
        var records = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == periodId && s.TenantId == cityId).OrderBy(s => s.Version));
        var lines = await store.LinesOfAsync(records.Select(r => r.Id).ToList());
        var appeals = await store.AppealsOfAsync(periodId, cityId);
        var versions = records.Select(r => store.ToDto(r, city.DisplayName, lines[r.Id])).ToList();
        foreach (var version in versions)
        {
            version.Appeals = appeals;
        }

        await sources.FillAsync(versions);
        return versions;
    }

    private async Task<ScoreSheetRecordDto> WithSourcesAsync(ScoreSheetRecordDto sheet)
    {
        await sources.FillAsync([sheet]);
        return sheet;
    }
}
