using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Bulk entry: the workbook of the city's current values, and its upload (every row saved, or none). Lines the user may
/// not change (reported by their unit, submitted, or fed from the problem register) are read-only in the workbook and
/// skipped on upload; a changed one is refused by cell rather than lost.
/// </summary>
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
    EntryWindowPolicy window,
    Quality.EntryQualityHistory quality,
    IMapper mapper) : PilotAssessmentAppService(context), IEntryXlsxAppService
{
    public async Task<FileDto> DownloadTemplateAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var indicators = (await schemes.GetAsync(period.SchemeId)).Definition.AllIndicators().ToDictionary(i => i.Code);
        var scope = await access.ForAsync(period);
        var sheet = await reader.ReadAsync(period, guard.CityId, scope);
        var rows = sheet.Lines
            .Select(l => new EntryXlsxLine(l, indicators.GetValueOrDefault(l.IndicatorCode), LockOf(indicators.GetValueOrDefault(l.IndicatorCode), l.Status, scope)))
            .ToList();
        return new FileDto(L["DataEntry:XlsxFileName", period.Name].Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EntryXlsxTemplate.Write(rows, Texts));
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
        var existing = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId))).ToDictionary(l => l.IndicatorCode);
        var locked = LockedRows(indicators, existing, scope);
        var import = EntryXlsxImporter.Import(content, indicators, scope.MayAccess, locked, Texts);
        if (!import.IsValid)
        {
            throw new BusinessException(DataEntryErrorCodes.XlsxInvalid).WithErrors(import.Errors);
        }

        foreach (var unit in import.Rows.Select(p => scope.UnitOf(p.Indicator.Code)).Distinct().Where(u => u != ownUnit))
        {
            await window.EnsureMayWriteAsync(period, cityId, unit);
        }

        await guard.EnsureLinesEditableAsync(import.Rows.Select(p => existing.GetValueOrDefault(p.Indicator.Code)).OfType<EntryLine>());
        var saved = new List<(IndicatorDefinition, EntryLine)>();
        foreach (var (indicator, value, note) in import.Rows)
        {
            var line = existing.GetValueOrDefault(indicator.Code);
            var isNew = line is null;
            line ??= new EntryLine(SequentialGuid.Next(), periodId, indicator.Code);

            // The workbook has no 上年同期值 column: an upload keeps the one entered in the grid.
            var kept = isNew || value.LastYearNumber is not null ? value : value with { LastYearNumber = line.Value.LastYearNumber };
            if (line.ChangeValue(kept, note, CurrentUser.Id, Now) is { } revision)
            {
                await history.InsertAsync(revision, autoSave: false);
            }

            line.UnitId = scope.UnitOf(indicator.Code);
            saved.Add((indicator, line));
            if (isNew)
            {
                await lines.InsertAsync(line, autoSave: false);
            }
        }

        await quality.CheckAllAsync(period, cityId, definition, saved);

        await unitOfWork.SaveChangesAsync();
        return await reader.ReadAsync(period, cityId, scope);
    }

    private EntryXlsxTexts Texts => new(key => L[key].Value);

    /// <summary>
    /// Why the user may not change a line: fed from the register, part of the submitted sheet, or reported by its unit
    /// (the city administrator, who sees every unit's lines, still changes those).
    /// </summary>
    private static EntryXlsxRowLock LockOf(IndicatorDefinition? indicator, string status, EntryLineScope scope) => status switch
    {
        _ when indicator is not null && Supervision.ProblemRegister.IsFed(indicator) => EntryXlsxRowLock.FromRegister,
        nameof(EntryLineStatus.Submitted) or nameof(EntryLineStatus.Approved) => EntryXlsxRowLock.Submitted,
        nameof(EntryLineStatus.UnitSubmitted) when scope.UserUnits is not null => EntryXlsxRowLock.Reported,
        _ => EntryXlsxRowLock.None,
    };

    /// <summary>The rows an upload skips, each with the cells the template gave it (none for a fed line: always skipped).</summary>
    private Dictionary<string, EntryXlsxLockedRow> LockedRows(
        IReadOnlyDictionary<string, IndicatorDefinition> indicators, IReadOnlyDictionary<string, EntryLine> existing, EntryLineScope scope)
    {
        var texts = Texts;
        var result = new Dictionary<string, EntryXlsxLockedRow>(StringComparer.Ordinal);
        foreach (var indicator in indicators.Values)
        {
            var line = existing.GetValueOrDefault(indicator.Code);
            var rowLock = LockOf(indicator, (line?.Status ?? EntryLineStatus.Draft).ToString(), scope);
            if (rowLock == EntryXlsxRowLock.FromRegister)
            {
                result[indicator.Code] = new EntryXlsxLockedRow(rowLock, null);
            }
            else if (rowLock != EntryXlsxRowLock.None && line is not null)
            {
                var dto = new EntryLineDto { IndicatorCode = indicator.Code, Value = mapper.Map<EntryValueDto>(line.Value), Note = line.Note };
                result[indicator.Code] = new EntryXlsxLockedRow(rowLock, EntryXlsxCells.Of(new EntryXlsxLine(dto, indicator, rowLock), texts));
            }
        }

        return result;
    }
}
