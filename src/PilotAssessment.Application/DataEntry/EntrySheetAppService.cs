using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A city's data entry (填报): the sheet, and drafts saved line by line with optimistic concurrency and a value history.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class EntrySheetAppService(
    ApplicationServiceContext context,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IRepository<AppUser> users,
    IUnitOfWork unitOfWork,
    EntryPeriodLoader loader,
    EntrySheetReader reader,
    EntryLineAccess access,
    EntryEditGuard guard,
    EntryLineLatest latest,
    SchemeDefinitionCache definitions,
    Quality.EntryQualityHistory quality,
    IMapper mapper) : PilotAssessmentAppService(context), IEntrySheetAppService
{
    public async Task<EntrySheetDto> GetSheetAsync(Guid periodId)
    {
        var entry = await loader.LoadAsync(periodId);
        return await reader.ReadAsync(entry, guard.CityId, await access.ForAsync(entry.Period));
    }

    public async Task<EntryLineDto> GetLineAsync(Guid lineId)
    {
        var (line, period, _) = await guard.AccessibleLineAsync(lineId);
        return await reader.LineAsync(line, (await definitions.GetAsync(schemes, period.SchemeId)).Definition);
    }

    public async Task<EntryLineDto> SaveLineAsync(Guid periodId, string indicatorCode, SaveEntryLineInput input)
    {
        var cityId = guard.CityId;
        var entry = await loader.LoadAsync(periodId);
        var (period, definition) = (entry.Period, entry.Definition);
        var indicator = entry.EnteredIndicator(indicatorCode);
        if (Supervision.ProblemRegister.IsFed(indicator))
        {
            throw new BusinessException(Supervision.SupervisionErrorCodes.LineFromRegister, indicator.Code);
        }

        var scope = await access.ForAsync(period);
        scope.EnsureAccess(indicatorCode, indicatorCode);
        var unitId = scope.UnitOf(indicatorCode);
        var line = await lines.FirstOrDefaultAsync(lines.Query().Where(l => l.PeriodId == periodId && l.IndicatorCode == indicatorCode));

        // A line already saved is changed only from what was read of it. Without its stamp: if someone else saved the
        // line, this save read it before they did (a race, answered with their value); if the caller saved it, the
        // stamp was forgotten.
        if (line is not null && string.IsNullOrEmpty(input.ConcurrencyStamp) && (line.LastModifierId ?? line.CreatorId) is { } writer && writer != CurrentUser.Id)
        {
            throw new ConflictException(DataEntryErrorCodes.StaleLine, indicator.Code) { Current = await reader.LineAsync(line, definition) };
        }

        if (line is not null && string.IsNullOrEmpty(input.ConcurrencyStamp))
        {
            throw new BusinessException(DataEntryErrorCodes.StampRequired, indicator.Code)
                .WithError("concurrencyStamp", DataEntryErrorCodes.StampRequired, indicator.Code);
        }

        // The other clerk's save wins the race; this one gets it back to merge, and nothing is overwritten.
        if (line is not null && input.ConcurrencyStamp != line.ConcurrencyStamp)
        {
            throw new ConflictException(DataEntryErrorCodes.StaleLine, indicator.Code) { Current = await reader.LineAsync(line, definition) };
        }

        var submission = await guard.EnsureCityMayEditAsync(period, cityId, unitId);
        await guard.EnsureLinesEditableAsync(line is null ? [] : [line]);
        var value = input.Value.ToDomain();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (EntryValueValidator.Validate(indicator, value, note) is { } invalid)
        {
            throw invalid;
        }

        var overrideReason = Feeds.FeedSourceText.EnsureOverrideReason(line, value, note, input.OverrideReason);
        var isNew = line is null;
        line ??= new EntryLine(SequentialGuid.Next(), periodId, indicatorCode);

        // Numbered by the line's own revision counter: no count of its history per save.
        if (line.ChangeValue(value, note, CurrentUser.Id, Now) is { } revision)
        {
            revision.OverrideReason = overrideReason;
            await history.InsertAsync(revision, autoSave: false);
        }

        line.UnitId = unitId;
        var approvedEarlier = await quality.CheckAsync(period, cityId, definition, indicator, line, value, entry.OfScheme);
        if (isNew)
        {
            await lines.InsertAsync(line, autoSave: false);
        }
        else
        {
            line.ConcurrencyStamp = input.ConcurrencyStamp;
            await lines.UpdateAsync(line, autoSave: false);
        }

        try
        {
            await unitOfWork.SaveChangesAsync();
        }
        catch (ConcurrencyConflictException)
        {
            // Another clerk's save came between this one's read and its write: answered as if it had come first.
            throw new ConflictException(DataEntryErrorCodes.StaleLine, indicator.Code) { Current = await latest.LineAsync(periodId, indicatorCode, definition) };
        }

        // The response is built from what the save read: the previous period's line came with the quality history, and
        // a line saved for the first time has no evidence yet.
        return await reader.LineAsync(line, definition, entry.Known(submission) with { ApprovedEarlierLines = approvedEarlier }, withoutEvidence: isNew);
    }

    public async Task<List<ValueHistoryDto>> GetHistoryAsync(Guid lineId)
    {
        var (line, _, _) = await guard.AccessibleLineAsync(lineId);
        var rows = await history.ToListAsync(history.Query().Where(h => h.EntryLineId == line.Id).OrderBy(h => h.Revision));
        var userIds = rows.Where(r => r.CreatorId != null).Select(r => r.CreatorId!.Value).Distinct().ToList();
        // An adjustment is the province auditor's: the names are looked up on both sides, for these users only.
        Dictionary<Guid, string?> names;
        using (ReadAcrossCities())
        {
            names = (await users.ToListAsync(users.Query().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName })))
                .ToDictionary(u => u.Id, u => u.UserName);
        }

        return rows.Select(r => new ValueHistoryDto
        {
            Id = r.Id,
            UserId = r.CreatorId,
            UserName = r.CreatorId is { } id ? names.GetValueOrDefault(id) : null,
            Time = r.CreationTime,
            OldValue = r.OldValueJson is null ? null : mapper.Map<EntryValueDto>(EntryValue.FromJson(r.OldValueJson)),
            NewValue = mapper.Map<EntryValueDto>(EntryValue.FromJson(r.NewValueJson)),
            OldNote = r.OldNote,
            NewNote = r.NewNote,
            AuditorScore = r.AuditorScore,
            AdjustReason = r.AdjustReason,
            AdjustClearReason = r.AdjustClearReason,
            SourceName = r.SourceName,
            OverrideReason = r.OverrideReason,
        }).Select(Feeds.FeedSourceText.WithSourceAsUser).ToList();
    }
}
