using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Users;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A city's data entry (填报): drafts saved line by line with optimistic concurrency and a value history,
/// evidence files, veto facts and bonus counts, and the submission of the self-assessment.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class DataEntryAppService(
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IRepository<EvidenceFile> evidence,
    IRepository<CityPeriodFacts> facts,
    IRepository<CitySubmission> submissions,
    IRepository<AppUser> users,
    IUnitOfWork unitOfWork,
    EntrySheetReader reader,
    EntryLineAccess access,
    EvidenceQuota quota,
    EntryWindowPolicy window,
    PeriodScoringService scoring,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IPermissionChecker permissions,
    TimeProvider clock) : IDataEntryAppService
{
    private Guid CityId => currentTenant.Id ?? throw new ForbiddenException(DataEntryErrorCodes.NotEditable);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<EntrySheetDto> GetSheetAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        return await SheetAsync(period, CityId, await access.ForAsync(period));
    }

    public async Task<EntryLineDto> GetLineAsync(Guid lineId)
    {
        var (line, period, _) = await AccessibleLineAsync(lineId);
        return await reader.LineAsync(line, (await schemes.GetAsync(period.SchemeId)).Definition);
    }

    public async Task<EntryLineDto> SaveLineAsync(Guid periodId, string indicatorCode, SaveEntryLineInput input)
    {
        var cityId = CityId;
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var indicator = definition.AllIndicators().FirstOrDefault(i => i.Code == indicatorCode)
            ?? throw new BusinessException(DataEntryErrorCodes.UnknownIndicator, indicatorCode);
        if (!string.IsNullOrWhiteSpace(indicator.Formula))
        {
            throw new BusinessException(DataEntryErrorCodes.ComputedIndicator, indicator.Code);
        }

        var scope = await access.ForAsync(period);
        scope.EnsureAccess(indicatorCode, indicatorCode);
        var unitId = scope.UnitOf(indicatorCode);
        var line = await lines.FirstOrDefaultAsync(lines.Query().Where(l => l.PeriodId == periodId && l.IndicatorCode == indicatorCode));

        // The other clerk's save wins the race; this one gets it back to merge, and nothing is overwritten.
        if (line is not null && input.ConcurrencyStamp != line.ConcurrencyStamp)
        {
            throw new ConflictException(DataEntryErrorCodes.StaleLine, indicator.Code) { Current = await reader.LineAsync(line, definition) };
        }

        await EnsureCityMayEditAsync(period, cityId, unitId);
        await EnsureLinesEditableAsync(line is null ? [] : [line]);
        var value = input.Value.ToDomain();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (EntryValueValidator.Validate(indicator, value, note) is { } invalid)
        {
            throw invalid;
        }

        var isNew = line is null;
        line ??= new EntryLine(Guid.NewGuid(), periodId, indicatorCode);
        var oldNote = line.Note;
        var oldValue = isNew ? null : line.ValueJson;
        var changed = line.SetValue(value, currentUser.Id, Now) is not null || isNew;
        line.Note = note;
        line.UnitId = unitId;
        if (changed || oldNote != note)
        {
            var revision = isNew ? 1 : await history.CountAsync(history.Query().Where(h => h.EntryLineId == line.Id)) + 1;
            await history.InsertAsync(new EntryValueHistory(Guid.NewGuid(), line.Id, revision, oldValue, line.ValueJson, oldNote, note), autoSave: false);
        }

        if (isNew)
        {
            await lines.InsertAsync(line, autoSave: false);
        }
        else
        {
            line.ConcurrencyStamp = input.ConcurrencyStamp;
            await lines.UpdateAsync(line, autoSave: false);
        }

        await unitOfWork.SaveChangesAsync();
        return await reader.LineAsync(line, definition);
    }

    public async Task<FileDto> DownloadTemplateAsync(Guid periodId)
    {
        var sheet = await GetSheetAsync(periodId);
        var period = await periods.GetAsync(periodId);
        return new FileDto($"{period.Name}-填报模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EntryXlsx.Template(sheet.Lines));
    }

    public async Task<EntrySheetDto> UploadXlsxAsync(Guid periodId, Stream content)
    {
        var cityId = CityId;
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var indicators = Results.PeriodScoringService.EnteredIndicators(definition).ToDictionary(i => i.Code);
        var scope = await access.ForAsync(period);

        // A unit's clerk uploads under the unit's own lock exception; the window of every unit named is checked below.
        var ownUnit = scope.UserUnits is { Count: 1 } single ? single.First() : (Guid?)null;
        await EnsureCityMayEditAsync(period, cityId, ownUnit);
        List<(int Row, Dictionary<string, string> Cells)> rows;
        try
        {
            rows = EntryXlsx.Read(content, indicators.Count);
        }
        catch (Exception exception) when (exception is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException)
        {
            throw new BusinessException(DataEntryErrorCodes.XlsxUnreadable).WithError("file", DataEntryErrorCodes.XlsxUnreadable);
        }

        // Every cell is checked before anything is saved: one error and nothing is written.
        var error = new BusinessException(DataEntryErrorCodes.XlsxInvalid);
        var parsed = new List<(IndicatorDefinition Indicator, EntryValue Value, string? Note)>();
        foreach (var (row, cells) in rows)
        {
            var code = cells.GetValueOrDefault("A");
            if (code is null || !indicators.TryGetValue(code, out var indicator))
            {
                error.WithError($"A{row}", DataEntryErrorCodes.UnknownIndicator, code);
                continue;
            }

            if (!scope.MayAccess(code))
            {
                error.WithError($"A{row}", DataEntryErrorCodes.LineOfAnotherUnit, code);
                continue;
            }

            decimal? number = null;
            if (cells.TryGetValue("E", out var e))
            {
                if (decimal.TryParse(e, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n))
                {
                    number = n;
                }
                else
                {
                    error.WithError($"E{row}", DataEntryErrorCodes.NumberRequired);
                }
            }

            int? count = null;
            if (cells.TryGetValue("F", out var f))
            {
                if (int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c))
                {
                    count = c;
                }
                else
                {
                    error.WithError($"F{row}", DataEntryErrorCodes.NumberRequired);
                }
            }

            var (occurrences, flags, surveyRates) = ReadXlsxOccurrencesAndSurvey(indicator, cells, row, count, error);
            var value = new EntryValue
            {
                Number = number,
                Occurrences = occurrences ?? (count is null ? null : [new EntryOccurrence { Count = count.Value }]),
                Flags = flags,
                Grade = cells.GetValueOrDefault("G"),
                ChecklistPresent = cells.TryGetValue("H", out var h) ? h.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : null,
                SurveyRates = surveyRates,
            };
            var note = cells.GetValueOrDefault("I");
            if (EntryValueValidator.Validate(indicator, value, note) is { } invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    var column = field switch
                    {
                        "value.number" => "E",
                        "value.grade" => "G",
                        "value.checklistPresent" => "H",
                        "note" => "I",
                        _ when field.StartsWith("value.surveyRates", StringComparison.Ordinal) => "L",
                        _ when occurrences is not null => "J",
                        _ => "F",
                    };
                    foreach (var message in messages)
                    {
                        error.WithError($"{column}{row}", message);
                    }
                }
            }

            if (!value.IsEmpty || note is not null)
            {
                parsed.Add((indicator, value, note));
            }
        }

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        foreach (var unit in parsed.Select(p => scope.UnitOf(p.Indicator.Code)).Distinct().Where(u => u != ownUnit))
        {
            await window.EnsureMayWriteAsync(period, cityId, unit);
        }

        var existing = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == periodId))).ToDictionary(l => l.IndicatorCode);
        await EnsureLinesEditableAsync(parsed.Select(p => existing.GetValueOrDefault(p.Indicator.Code)).OfType<EntryLine>());
        var lineIds = existing.Values.Select(l => l.Id).ToList();
        var revisions = (await history.ToListAsync(history.Query().Where(h => lineIds.Contains(h.EntryLineId)).Select(h => h.EntryLineId)))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (indicator, value, note) in parsed)
        {
            var line = existing.GetValueOrDefault(indicator.Code);
            var isNew = line is null;
            line ??= new EntryLine(Guid.NewGuid(), periodId, indicator.Code);
            var oldNote = line.Note;
            var oldValue = isNew ? null : line.ValueJson;
            // The workbook has no 上年同期值 column: an upload keeps the one entered in the grid.
            var kept = isNew || value.LastYearNumber is not null ? value : value with { LastYearNumber = line.Value.LastYearNumber };
            var changed = line.SetValue(kept, currentUser.Id, Now) is not null || isNew;
            line.Note = note;
            line.UnitId = scope.UnitOf(indicator.Code);
            if (changed || oldNote != note)
            {
                await history.InsertAsync(new EntryValueHistory(Guid.NewGuid(), line.Id, revisions.GetValueOrDefault(line.Id) + 1, oldValue, line.ValueJson, oldNote, note), autoSave: false);
            }

            if (isNew)
            {
                await lines.InsertAsync(line, autoSave: false);
            }
        }

        await unitOfWork.SaveChangesAsync();
        return await SheetAsync(period, cityId, scope);
    }

    /// <summary>Columns J (typed occurrences), K (line flags) and L (survey rates) of an uploaded row; problems go to <paramref name="error"/> by cell.</summary>
    private static (List<EntryOccurrence>? Occurrences, List<string>? Flags, Dictionary<string, decimal>? SurveyRates) ReadXlsxOccurrencesAndSurvey(
        IndicatorDefinition indicator, Dictionary<string, string> cells, int row, int? count, BusinessException error)
    {
        List<EntryOccurrence>? occurrences = null;
        List<string>? flags = null;
        Dictionary<string, decimal>? surveyRates = null;
        var known = string.Join("/", EntryXlsx.KnownFlags(indicator));
        if (cells.TryGetValue("J", out var j))
        {
            if (indicator.Rule is not PerOccurrenceDeductionRule)
            {
                error.WithError($"J{row}", DataEntryErrorCodes.XlsxColumnNotForRule, LocalizableText.RuleKind(indicator.Rule.Kind));
            }
            else if (count is not null)
            {
                error.WithError($"J{row}", DataEntryErrorCodes.XlsxCountTwice);
            }
            else if ((occurrences = EntryXlsx.ParseOccurrences(j, indicator, out var problem)) is null)
            {
                error.WithError($"J{row}", problem!);
            }
            else
            {
                foreach (var flag in EntryXlsx.UnknownFlags(indicator, occurrences.SelectMany(o => o.Flags ?? [])).Distinct())
                {
                    error.WithError($"J{row}", DataEntryErrorCodes.UnknownFlag, flag, known);
                }
            }
        }

        if (cells.TryGetValue("K", out var k))
        {
            flags = k.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var flag in EntryXlsx.UnknownFlags(indicator, flags).Distinct())
            {
                error.WithError($"K{row}", DataEntryErrorCodes.UnknownFlag, flag, known);
            }
        }

        if (cells.TryGetValue("L", out var l))
        {
            if (indicator.Rule is not SurveyCompositeRule)
            {
                error.WithError($"L{row}", DataEntryErrorCodes.XlsxColumnNotForRule, LocalizableText.RuleKind(indicator.Rule.Kind));
            }
            else if ((surveyRates = EntryXlsx.ParseSurveyRates(l, indicator, out var problem)) is null)
            {
                error.WithError($"L{row}", problem!);
            }
        }

        return (occurrences, flags, surveyRates);
    }

    public async Task<List<ValueHistoryDto>> GetHistoryAsync(Guid lineId)
    {
        var (line, _, _) = await AccessibleLineAsync(lineId);
        var rows = await history.ToListAsync(history.Query().Where(h => h.EntryLineId == line.Id).OrderBy(h => h.Revision));
        var userIds = rows.Where(r => r.CreatorId != null).Select(r => r.CreatorId!.Value).Distinct().ToList();
        var names = (await users.ToListAsync(users.Query().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName })))
            .ToDictionary(u => u.Id, u => u.UserName);
        return rows.Select(r => new ValueHistoryDto
        {
            Id = r.Id,
            UserId = r.CreatorId,
            UserName = r.CreatorId is { } id ? names.GetValueOrDefault(id) : null,
            Time = r.CreationTime,
            OldValue = r.OldValueJson is null ? null : EntryValue.FromJson(r.OldValueJson).ToDto(),
            NewValue = EntryValue.FromJson(r.NewValueJson).ToDto(),
            OldNote = r.OldNote,
            NewNote = r.NewNote,
        }).ToList();
    }

    public async Task<EvidenceDto> UploadEvidenceAsync(Guid lineId, string fileName, Stream content, long length)
    {
        var (line, period, scope) = await AccessibleLineAsync(lineId);
        await EnsureCityMayEditAsync(period, CityId, scope.UnitOf(line.IndicatorCode));
        await EnsureLinesEditableAsync([line]);
        if (length > DataEntryConsts.MaxEvidenceBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        if (buffer.Length > DataEntryConsts.MaxEvidenceBytes)
        {
            throw TooLarge();
        }

        if (buffer.Length == 0)
        {
            throw new BusinessException(DataEntryErrorCodes.EvidenceEmpty).WithError("file", DataEntryErrorCodes.EvidenceEmpty);
        }

        var bytes = buffer.ToArray();
        var contentType = FileSignature.Detect(bytes, fileName)
            ?? throw new BusinessException(DataEntryErrorCodes.EvidenceType).WithError("file", DataEntryErrorCodes.EvidenceType);
        await quota.EnsureRoomAsync(bytes.Length);
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > DataEntryConsts.MaxFileNameLength)
        {
            name = "evidence" + contentType switch
            {
                "application/pdf" => ".pdf",
                "image/png" => ".png",
                "image/jpeg" => ".jpg",
                _ => string.Empty,
            };
        }

        var file = new EvidenceFile(Guid.NewGuid(), line.Id, name, contentType, bytes);
        await evidence.InsertAsync(file);
        return new EvidenceDto { Id = file.Id, EntryLineId = line.Id, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size, CreationTime = file.CreationTime };
    }

    public async Task<FileDto> DownloadEvidenceAsync(Guid evidenceId)
    {
        var file = await evidence.GetAsync(evidenceId);
        _ = await AccessibleLineAsync(file.EntryLineId, evidenceId);
        return new FileDto(file.FileName, file.ContentType, file.Content);
    }

    public async Task DeleteEvidenceAsync(Guid evidenceId)
    {
        var file = await evidence.GetAsync(evidenceId);
        var (line, period, scope) = await AccessibleLineAsync(file.EntryLineId, evidenceId);
        await EnsureCityMayEditAsync(period, CityId, scope.UnitOf(line.IndicatorCode));
        await EnsureLinesEditableAsync([line]);
        await evidence.DeleteAsync(file);
    }

    public async Task<CityFactsDto> SaveFactsAsync(Guid periodId, CityFactsDto input)
    {
        var period = await periods.GetAsync(periodId);
        var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
        var current = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == periodId));
        if (current is not null && input.ConcurrencyStamp != current.ConcurrencyStamp)
        {
            throw new ConflictException(PilotAssessmentErrorCodes.ConcurrencyConflict) { Current = current.ToDto() };
        }

        // Facts are no unit's lines: like every line not handed to a unit, they are for users of no unit.
        if ((await access.ForAsync(period)).UserUnits is { Count: > 0 })
        {
            throw new ForbiddenException(DataEntryErrorCodes.FactsOfTheCity);
        }

        await EnsureCityMayEditAsync(period, CityId, null);
        var error = new BusinessException(DataEntryErrorCodes.Invalid, "facts");
        var triggers = definition.Vetoes.Select(v => v.TriggerFact).ToHashSet();
        foreach (var key in input.VetoFacts.Keys.Where(k => !triggers.Contains(k)))
        {
            error.WithError($"vetoFacts.{key}", DataEntryErrorCodes.UnknownVetoFact, key);
        }

        var bonusItems = definition.Bonus.Items.Select(b => b.Code).ToHashSet();
        foreach (var (key, count) in input.BonusCounts)
        {
            if (!bonusItems.Contains(key))
            {
                error.WithError($"bonusCounts.{key}", DataEntryErrorCodes.UnknownBonusItem, key);
            }
            else if (count < 0)
            {
                error.WithError($"bonusCounts.{key}", DataEntryErrorCodes.MustNotBeNegative);
            }
        }

        EntryValueValidator.CheckFactDataItems(definition, input.DataItems, error);

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        var isNew = current is null;
        current ??= new CityPeriodFacts(Guid.NewGuid(), periodId);
        current.VetoFacts = new Dictionary<string, bool>(input.VetoFacts);
        current.BonusCounts = new Dictionary<string, int>(input.BonusCounts);
        current.DataItems = new Dictionary<string, decimal>(input.DataItems);
        current.Note = input.Note;
        if (isNew)
        {
            await facts.InsertAsync(current);
        }
        else
        {
            current.ConcurrencyStamp = input.ConcurrencyStamp;
            await facts.UpdateAsync(current);
        }

        return current.ToDto();
    }

    public async Task<EntrySheetDto> SubmitLinesAsync(Guid periodId, SubmitLinesInput input)
    {
        var cityId = CityId;
        var period = await periods.GetAsync(periodId);
        var indicators = (await schemes.GetAsync(period.SchemeId)).Definition.AllIndicators().ToDictionary(i => i.Code);
        var scope = await access.ForAsync(period);
        var (codes, found) = await RequestedLinesAsync(period, cityId, input.IndicatorCodes, scope);
        var files = await reader.EvidenceOfAsync(found.Values.Select(l => l.Id).ToList());

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
            else if (indicator.EvidenceRequired && !files[line.Id].Any())
            {
                error.WithError($"lines.{code}.evidence", DataEntryErrorCodes.EvidenceRequired, indicator.Name);
            }
        }

        if (error.Errors.Count > 0)
        {
            throw error;
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
        return await SheetAsync(period, cityId, scope);
    }

    [RequiresPermission(PilotAssessmentPermissions.DataEntry.Submit)]
    public async Task<EntrySheetDto> ReturnLinesAsync(Guid periodId, ReturnLinesInput input)
    {
        var cityId = CityId;
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
        return await SheetAsync(period, cityId, scope);
    }

    [RequiresPermission(PilotAssessmentPermissions.DataEntry.Submit)]
    public async Task<SubmissionDto> SubmitAsync(Guid periodId)
    {
        var cityId = CityId;
        var period = await periods.GetAsync(periodId);
        var scheme = await schemes.GetAsync(period.SchemeId);
        var submission = await SubmissionOfAsync(periodId);
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
            error.WithError($"lines.{line.IndicatorCode}.evidence", DataEntryErrorCodes.EvidenceRequired, indicators[line.IndicatorCode].Name);
        }

        if (error.Errors.Count > 0)
        {
            throw new BusinessException(DataEntryErrorCodes.EvidenceRequired, string.Join("、", error.Errors.Keys.Select(k => k.Split('.')[1])))
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
            submission = new CitySubmission(Guid.NewGuid(), periodId);
            await submissions.InsertAsync(submission, autoSave: false);
        }

        submission.Submit(currentUser.Id, Now);
        submission.SelfTotal = sheet.Total;
        await unitOfWork.SaveChangesAsync();
        return submission.ToDto(periodId, cityId);
    }

    private async Task<CitySubmission?> SubmissionOfAsync(Guid periodId) =>
        await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId));

    private async Task EnsureCityMayEditAsync(AssessmentPeriod period, Guid cityId, Guid? unitId)
    {
        var submission = await SubmissionOfAsync(period.Id);
        if (submission is not null && !submission.CityMayEdit)
        {
            throw new BusinessException(DataEntryErrorCodes.NotEditable, submission.Status);
        }

        await window.EnsureMayWriteAsync(period, cityId, unitId);
    }

    /// <summary>The lines named by a report or return request (codes trimmed, once each), after the city's edit checks.</summary>
    private async Task<(List<string> Codes, Dictionary<string, EntryLine> Found)> RequestedLinesAsync(AssessmentPeriod period, Guid cityId, IEnumerable<string> requested, EntryLineScope scope)
    {
        var codes = requested.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (codes.Count == 0)
        {
            throw new BusinessException(DataEntryErrorCodes.NothingToSubmit).WithError("indicatorCodes", DataEntryErrorCodes.NothingToSubmit);
        }

        await EnsureCityMayEditAsync(period, cityId, null);
        // Another unit's line is not there for the clerk: it is refused like a line never saved.
        var found = (await lines.ToListAsync(lines.Query().Where(l => l.PeriodId == period.Id && codes.Contains(l.IndicatorCode))))
            .Where(l => scope.MayAccess(l.IndicatorCode))
            .ToDictionary(l => l.IndicatorCode);
        return (codes, found);
    }

    /// <summary>The sheet with only the lines the user may see (<see cref="EntryLineScope"/>).</summary>
    private async Task<EntrySheetDto> SheetAsync(AssessmentPeriod period, Guid cityId, EntryLineScope scope)
    {
        var sheet = await reader.ReadAsync(period, cityId);
        sheet.Lines = sheet.Lines.Where(l => scope.MayAccess(l.IndicatorCode)).ToList();
        sheet.FactsWritable = sheet.Writable && scope.UserUnits is not { Count: > 0 };
        return sheet;
    }

    /// <summary>A line of the city the user may see (another unit's answers 404 with <paramref name="askedId"/>, like another city's).</summary>
    private async Task<(EntryLine Line, AssessmentPeriod Period, EntryLineScope Scope)> AccessibleLineAsync(Guid lineId, Guid? askedId = null)
    {
        var line = await lines.GetAsync(lineId);
        var period = await periods.GetAsync(line.PeriodId);
        var scope = await access.ForAsync(period);
        scope.EnsureAccess(line.IndicatorCode, askedId ?? lineId);
        return (line, period, scope);
    }

    /// <summary>Lines a unit has reported are the city administrator's to change (or return), not the clerks'.</summary>
    private async Task EnsureLinesEditableAsync(IEnumerable<EntryLine> toChange)
    {
        var reported = toChange.Where(l => l.Status == EntryLineStatus.UnitSubmitted).Select(l => l.IndicatorCode).ToList();
        if (reported.Count > 0 && !await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Submit))
        {
            throw new BusinessException(DataEntryErrorCodes.LineSubmittedByUnit, string.Join("、", reported));
        }
    }

    private static BusinessException TooLarge() =>
        new BusinessException(DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024)
            .WithError("file", DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024);
}
