using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Units report their lines to the city administrator (单位报送), who returns them or submits the city's
/// self-assessment to the province (scored at that moment).
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class EntryReportingAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    IUnitOfWork unitOfWork,
    EntrySheetReader reader,
    EntryLineAccess access,
    EntryEditGuard guard,
    EntryWindowPolicy window,
    PeriodScoringService scoring,
    ReferenceFigureStore figures,
    IMapper mapper) : PilotAssessmentAppService(context), IEntryReportingAppService
{
    public async Task<EntrySheetDto> SubmitLinesAsync(Guid periodId, SubmitLinesInput input)
    {
        var cityId = guard.CityId;
        var period = await periods.GetAsync(periodId);
        var indicators = (await schemes.GetAsync(period.SchemeId)).Definition.AllIndicators().ToDictionary(i => i.Code);
        var scope = await access.ForAsync(period);
        var (codes, found) = await RequestedLinesAsync(period, cityId, input.IndicatorCodes, scope);
        var files = await reader.EvidenceOfAsync(found.Values.Select(l => l.Id).ToList());
        var gaps = await reader.GapsAsync(period, cityId);

        // Every line is checked first: one that cannot be reported and none is.
        var error = new BusinessException(DataEntryErrorCodes.Invalid, string.Join("、", codes));
        foreach (var code in codes)
        {
            if (!indicators.TryGetValue(code, out var indicator))
            {
                error.WithError($"lines.{code}", DataEntryErrorCodes.UnknownIndicator, code);
            }
            else if (!found.TryGetValue(code, out var line) || !line.IsReported)
            {
                error.WithError($"lines.{code}", DataEntryErrorCodes.LineNotReported, code);
            }
            else if (gaps.TryGetValue(code, out var lacking))
            {
                Incomplete(error, code, lacking);
            }
            else if (indicator.EvidenceRequired && !files[line.Id].Any())
            {
                error.WithError($"lines.{code}.evidence", DataEntryErrorCodes.EvidenceRequired, $"{code} {indicator.Name}");
            }

            if (found.TryGetValue(code, out var saved) && saved.IsReported && saved.NeedsQualityNote)
            {
                error.WithError($"lines.{code}.note", Quality.QualityErrorCodes.NoteRequired, code);
            }
        }

        if (error.Errors.Count > 0)
        {
            throw new BusinessException(DataEntryErrorCodes.CannotReport, EntryReportSummary.Of(error.Errors, L)).WithErrors(error.Errors);
        }

        foreach (var unitId in found.Values.Select(l => scope.UnitOf(l.IndicatorCode)).Distinct())
        {
            await window.EnsureMayWriteAsync(period, cityId, unitId);
        }

        foreach (var line in found.Values.Where(l => l.Status is EntryLineStatus.Draft or EntryLineStatus.Returned))
        {
            line.Status = EntryLineStatus.UnitSubmitted;
            line.ReturnComment = null;
        }

        await unitOfWork.SaveChangesAsync();
        return await reader.ReadAsync(period, cityId, scope);
    }

    [RequiresPermission(PilotAssessmentPermissions.DataEntry.Submit)]
    public async Task<EntrySheetDto> ReturnLinesAsync(Guid periodId, ReturnLinesInput input)
    {
        var cityId = guard.CityId;
        var period = await periods.GetAsync(periodId);
        var comment = input.Comment?.Trim();
        if (string.IsNullOrEmpty(comment))
        {
            throw new BusinessException(DataEntryErrorCodes.ReturnCommentRequired).WithError("comment", DataEntryErrorCodes.ReturnCommentRequired);
        }

        var scope = await access.ForAsync(period);
        var (codes, found) = await RequestedLinesAsync(period, cityId, input.IndicatorCodes, scope);
        var error = new BusinessException(DataEntryErrorCodes.Invalid, string.Join("、", codes));
        foreach (var code in codes.Where(c => !found.TryGetValue(c, out var line) || line.Status != EntryLineStatus.UnitSubmitted))
        {
            error.WithError($"lines.{code}", DataEntryErrorCodes.LineNotWithUnit, code);
        }

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        foreach (var line in found.Values)
        {
            line.Status = EntryLineStatus.Draft;
            line.ReturnComment = comment;
        }

        await unitOfWork.SaveChangesAsync();
        return await reader.ReadAsync(period, cityId, scope);
    }

    [RequiresPermission(PilotAssessmentPermissions.DataEntry.Submit)]
    public async Task<SubmissionDto> SubmitAsync(Guid periodId)
    {
        var cityId = guard.CityId;
        var period = await periods.GetAsync(periodId);
        var scheme = await schemes.GetAsync(period.SchemeId);
        var submission = await guard.SubmissionOfAsync(periodId);
        if (submission is not null && !submission.CityMayEdit)
        {
            throw new BusinessException(ReviewErrorCodes.CannotSubmit, submission.Status);
        }

        await window.EnsureMayWriteAsync(period, cityId, null);
        var input = (await scoring.LoadAsync(periodId, [cityId]))[cityId];

        // Evidence is required of the lines that report something.
        var lineIds = input.Lines.Select(l => l.Id).ToList();
        var files = await reader.EvidenceOfAsync(lineIds);
        var error = new BusinessException(DataEntryErrorCodes.EvidenceRequired, string.Empty);
        var indicators = scheme.Definition.AllIndicators().ToDictionary(i => i.Code);
        foreach (var line in input.Lines.Where(l => l.IsReported && indicators.TryGetValue(l.IndicatorCode, out var i) && i.EvidenceRequired && !files[l.Id].Any()))
        {
            error.WithError($"lines.{line.IndicatorCode}.evidence", DataEntryErrorCodes.EvidenceRequired, $"{line.IndicatorCode} {indicators[line.IndicatorCode].Name}");
        }

        // A line that cannot be scored yet is not sent to the province either.
        var gaps = await reader.GapsAsync(period, cityId);
        foreach (var (code, lacking) in gaps.Where(g => indicators.ContainsKey(g.Key)))
        {
            Incomplete(error, code, lacking);
        }

        // A value the quality check flagged is sent only with the clerk's note on it.
        var unexplained = input.Lines.Where(l => l.IsReported && l.NeedsQualityNote).Select(l => l.IndicatorCode).ToList();
        foreach (var code in unexplained)
        {
            error.WithError($"lines.{code}.note", Quality.QualityErrorCodes.NoteRequired, code);
        }

        if (error.Errors.Count > 0)
        {
            var named = string.Join("、", error.Errors.Keys.Select(k => k.Split('.')[1]).Distinct());
            var summarize = gaps.Count > 0 || unexplained.Count > 0;
            throw new BusinessException(
                    summarize ? DataEntryErrorCodes.CannotSubmit : DataEntryErrorCodes.EvidenceRequired,
                    summarize ? EntryReportSummary.Of(error.Errors, L) : named)
                .WithErrors(error.Errors);
        }

        var targets = await scoring.TargetsAsync(period, [cityId]);
        var sheet = scoring.Score(scheme.Definition, input, targets, withAuditorScores: false);
        var selfScores = sheet.Lines.ToDictionary(l => l.IndicatorCode, l => l.Points);
        foreach (var line in await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId)))
        {
            line.SelfScore = selfScores.GetValueOrDefault(line.IndicatorCode);
            line.Status = EntryLineStatus.Submitted;
            line.ReturnComment = null;
        }

        if (submission is null)
        {
            submission = new CitySubmission(SequentialGuid.Next(), periodId);
            await submissions.InsertAsync(submission, autoSave: false);
        }

        submission.Submit(CurrentUser.Id, Now);
        submission.SelfTotal = sheet.Total;
        await figures.RecomputeAsync(periodId, submission);
        await unitOfWork.SaveChangesAsync();
        return mapper.Map<SubmissionDto>(submission);
    }

    /// <summary>A line named by what it still lacks to be scored (<see cref="EntryLineGaps"/>).</summary>
    private static void Incomplete(BusinessException error, string code, IEnumerable<FieldError> lacking)
    {
        foreach (var gap in lacking)
        {
            error.WithError($"lines.{code}", DataEntryErrorCodes.LineIncomplete, code, new LocalizableText(gap.Code));
        }
    }

    /// <summary>The lines named by a report or return request (codes trimmed, once each), after the city's edit checks.</summary>
    private async Task<(List<string> Codes, Dictionary<string, EntryLine> Found)> RequestedLinesAsync(AssessmentPeriod period, Guid cityId, IEnumerable<string> requested, EntryLineScope scope)
    {
        var codes = requested.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (codes.Count == 0)
        {
            throw new BusinessException(DataEntryErrorCodes.NothingToSubmit).WithError("indicatorCodes", DataEntryErrorCodes.NothingToSubmit);
        }

        await guard.EnsureCityMayEditAsync(period, cityId, null);
        // Another unit's line is not there for the clerk: it is refused like a line never saved.
        var found = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == period.Id && codes.Contains(l.IndicatorCode))))
            .Where(l => scope.MayAccess(l.IndicatorCode))
            .ToDictionary(l => l.IndicatorCode);
        return (codes, found);
    }
}
