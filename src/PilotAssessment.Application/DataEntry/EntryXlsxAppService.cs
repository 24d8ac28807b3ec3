using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>Bulk entry: the workbook of the city's current values, and its upload (every row saved, or none).</summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class EntryXlsxAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IUnitOfWork unitOfWork,
    EntrySheetReader reader,
    EntryLineAccess access,
    EntryEditGuard guard,
    EntryWindowPolicy window) : PilotAssessmentAppService(context), IEntryXlsxAppService
{
    public async Task<FileDto> DownloadTemplateAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var sheet = await reader.ReadAsync(period, guard.CityId, await access.ForAsync(period));
        return new FileDto($"{period.Name}-填报模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EntryXlsx.Template(sheet.Lines));
    }

    public async Task<EntrySheetDto> UploadXlsxAsync(Guid periodId, Stream content)
    {
        var cityId = guard.CityId;
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var indicators = PeriodScoringService.EnteredIndicators(definition).ToDictionary(i => i.Code);
        var scope = await access.ForAsync(period);

        // A unit's clerk uploads under the unit's own lock exception; the window of every unit named is checked below.
        var ownUnit = scope.UserUnits is { Count: 1 } single ? single.First() : (Guid?)null;
        await guard.EnsureCityMayEditAsync(period, cityId, ownUnit);

        // Every cell is checked before anything is saved: one error and nothing is written.
        var import = EntryXlsxImporter.Import(content, indicators, scope.MayAccess);
        if (!import.IsValid)
        {
            throw new BusinessException(DataEntryErrorCodes.XlsxInvalid).WithErrors(import.Errors);
        }

        foreach (var unit in import.Rows.Select(p => scope.UnitOf(p.Indicator.Code)).Distinct().Where(u => u != ownUnit))
        {
            await window.EnsureMayWriteAsync(period, cityId, unit);
        }

        var existing = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId))).ToDictionary(l => l.IndicatorCode);
        await guard.EnsureLinesEditableAsync(import.Rows.Select(p => existing.GetValueOrDefault(p.Indicator.Code)).OfType<EntryLine>());
        var lineIds = existing.Values.Select(l => l.Id).ToList();
        var revisions = (await history.ToListAsync(history.Query().Where(h => lineIds.Contains(h.EntryLineId)).Select(h => h.EntryLineId)))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (indicator, value, note) in import.Rows)
        {
            var line = existing.GetValueOrDefault(indicator.Code);
            var isNew = line is null;
            line ??= new EntryLine(Guid.NewGuid(), periodId, indicator.Code);

            // The workbook has no 上年同期值 column: an upload keeps the one entered in the grid.
            var kept = isNew || value.LastYearNumber is not null ? value : value with { LastYearNumber = line.Value.LastYearNumber };
            if (line.ChangeValue(kept, note, CurrentUser.Id, Now, revisions.GetValueOrDefault(line.Id)) is { } revision)
            {
                await history.InsertAsync(revision, autoSave: false);
            }

            line.UnitId = scope.UnitOf(indicator.Code);
            if (isNew)
            {
                await lines.InsertAsync(line, autoSave: false);
            }
        }

        await unitOfWork.SaveChangesAsync();
        return await reader.ReadAsync(period, cityId, scope);
    }
}
