using Microsoft.Extensions.Configuration;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Results.Pdf;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Publishing a period (final score sheets of every city, graded and ranked, in one pass), changes after publishing
/// as new sheet versions, and reading results: a city its own sheet, the province the ranking and completeness.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Default)]
public sealed class ResultAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<CitySubmission> submissions,
    IRepository<CityPeriodFacts> facts,
    IRepository<Tenant> tenants,
    IUnitOfWork unitOfWork,
    PeriodScoringService scoring,
    PdfFontProvider pdfFonts,
    PeriodRecomputeService recompute,
    IMapper mapper,
    IConfiguration configuration) : PilotAssessmentAppService(context), IResultAppService
{
    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<List<RankingRowDto>> PublishAsync(Guid periodId, PublishPeriodInput input)
    {
        var period = await periods.GetAsync(periodId);
        if (period.Status is not (PeriodStatus.Open or PeriodStatus.Locked))
        {
            throw new BusinessException(ResultErrorCodes.CannotPublish, period.Status);
        }

        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
        var byId = cities.ToDictionary(c => c.Id);
        List<CitySubmission> all;
        using (ReadAcrossCities())
        {
            all = await submissions.ToListAsync(submissions.Query().Where(s => s.PeriodId == periodId));
        }

        var status = all.Where(s => s.TenantId != null).GroupBy(s => s.TenantId!.Value).ToDictionary(g => g.Key, g => g.First().Status);
        var problems = new List<(string Key, FieldError Error)>();
        string? mainCode = null;
        object?[] mainArguments = [];

        // The entry window: closed, or closed early with a reason.
        var earlyCloseReason = string.IsNullOrWhiteSpace(input.EarlyCloseReason) ? null : input.EarlyCloseReason.Trim();
        var closesLocal = ProvinceTime.ToLocal(period.EntryClosesAt).ToString("yyyy-MM-dd HH:mm");
        if (period.WindowClosed(Now))
        {
            earlyCloseReason = null;
        }
        else if (earlyCloseReason is null)
        {
            (mainCode, mainArguments) = (ResultErrorCodes.WindowOpen, [closesLocal]);
            problems.Add(("earlyCloseReason", new FieldError(ResultErrorCodes.WindowOpen, closesLocal)));
        }

        // Every city approved, or left out by name with a reason.
        var leftOut = new List<LeftOutCity>();
        for (var i = 0; i < input.LeftOut.Count; i++)
        {
            var item = input.LeftOut[i];
            if (!byId.ContainsKey(item.CityId))
            {
                problems.Add(($"leftOut[{i}].cityId", new FieldError(ResultErrorCodes.UnknownCity)));
                continue;
            }

            if (leftOut.Any(l => l.CityId == item.CityId))
            {
                problems.Add(($"leftOut[{i}].cityId", new FieldError(ResultErrorCodes.DuplicateCity, byId[item.CityId].DisplayName)));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Reason))
            {
                problems.Add(($"leftOut[{i}].reason", new FieldError(ResultErrorCodes.LeftOutReasonRequired, byId[item.CityId].DisplayName)));
                continue;
            }

            leftOut.Add(new LeftOutCity(item.CityId, item.Reason.Trim()));
        }

        var named = input.LeftOut.Select(l => l.CityId).ToHashSet();
        var missing = cities
            .Where(c => !named.Contains(c.Id) && status.GetValueOrDefault(c.Id, SubmissionStatus.Draft) != SubmissionStatus.Approved)
            .ToList();
        if (missing.Count > 0)
        {
            var names = string.Join("、", missing.Select(c => c.DisplayName));
            if (mainCode is null)
            {
                (mainCode, mainArguments) = (ResultErrorCodes.CitiesNotApproved, [names]);
            }

            foreach (var city in missing)
            {
                problems.Add(("leftOut", new FieldError(ResultErrorCodes.CityNotApproved, city.DisplayName, status.GetValueOrDefault(city.Id, SubmissionStatus.Draft))));
            }
        }

        if (problems.Count > 0)
        {
            var error = new BusinessException(mainCode ?? problems[0].Error.Code, mainCode is null ? [.. problems[0].Error.Arguments] : mainArguments);
            foreach (var (key, fieldError) in problems)
            {
                error.WithError(key, fieldError);
            }

            throw error;
        }

        using (ReadAcrossCities())
        {
            await recompute.PublishAsync(period, cities.Select(c => c.Id).ToList(), Now, leftOut: leftOut, earlyCloseReason: earlyCloseReason);
        }

        return await GetRankingAsync(periodId);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<PeriodDto> WithdrawPublicationAsync(Guid periodId, WithdrawPublicationInput input)
    {
        var period = await periods.GetAsync(periodId);
        var reason = RequireReason(input.Reason);
        period.WithdrawPublication(reason, Now);
        using (ReadAcrossCities())
        {
            foreach (var sheet in await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == periodId && s.IsCurrent)))
            {
                sheet.IsCurrent = false;
                sheet.WithdrawnTime = Now;
            }

            await periods.UpdateAsync(period, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return mapper.Map<PeriodDto>(period);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<PeriodDto> FinalizeAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        period.MarkFinal(Now);
        await periods.UpdateAsync(period);
        return mapper.Map<PeriodDto>(period);
    }

    public async Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var veto = scheme.Definition.Vetoes.FirstOrDefault(v => v.Code == input.VetoCode)
            ?? throw new BusinessException(ResultErrorCodes.UnknownVeto, input.VetoCode).WithError("vetoCode", ResultErrorCodes.UnknownVeto, input.VetoCode);
        var reason = RequireReason(input.Reason);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            await EnsureAssessedAsync(period, city);
            var cityFacts = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == periodId));
            if (cityFacts is null)
            {
                cityFacts = new CityPeriodFacts(Guid.NewGuid(), periodId);
                await facts.InsertAsync(cityFacts, autoSave: false);
            }

            cityFacts.VetoFacts = new Dictionary<string, bool>(cityFacts.VetoFacts) { [veto.TriggerFact] = true };
            await unitOfWork.SaveChangesAsync();
            var record = await NewVersionAsync(period, scheme, city, ScoreSheetKind.RetroactiveVeto, $"{veto.Code} {veto.Name}: {reason}", gradeOverride: null);
            return await ToDtoAsync(record, city.DisplayName);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var reason = RequireReason(input.Reason);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            await EnsureAssessedAsync(period, city);
            var submission = await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId))
                ?? throw new BusinessException(ResultErrorCodes.AlreadyWithdrawn, SubmissionStatus.Draft);
            submission.Withdraw(reason);
            await unitOfWork.SaveChangesAsync();

            // Without a confirmed self-assessment the city cannot be rated above the lowest grade.
            var record = await NewVersionAsync(period, scheme, city, ScoreSheetKind.ApprovalWithdrawn, reason, gradeOverride: scheme.Definition.Grades.LastOrDefault()?.Name);
            return await ToDtoAsync(record, city.DisplayName);
        }
    }

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
        return await ToDtoAsync(record, city.DisplayName);
    }

    public async Task<ScoreSheetRecordDto> GetSheetAsync(Guid sheetId)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var record = await sheets.GetAsync(sheetId);
        var city = await tenants.FindAsync(record.TenantId!.Value);
        return await ToDtoAsync(record, city?.DisplayName);
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

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<FileDto> ExportRankingXlsxAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var content = ScoreSheetXlsxWriter.WriteRanking(await GetRankingAsync(periodId), period.Name);
        return new FileDto($"{period.Name}-排名.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
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
        var lines = await LinesOfAsync(records.Select(r => r.Id).ToList());
        return records.Select(r => ToDto(r, city.DisplayName, lines[r.Id])).ToList();
    }

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<List<RankingRowDto>> GetRankingAsync(Guid periodId)
    {
        await periods.GetAsync(periodId);
        var names = (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id, t => t.DisplayName);
        List<ScoreSheetRecord> current;
        using (ReadAcrossCities())
        {
            current = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == periodId && s.IsCurrent));
        }

        // The ranks are those of the current versions, as published or re-ranked; cities left out come last.
        return current
            .OrderBy(s => s.NotAssessed)
            .ThenBy(s => s.Rank ?? int.MaxValue)
            .ThenBy(s => names.GetValueOrDefault(s.TenantId!.Value), StringComparer.Ordinal)
            .Select(s => new RankingRowDto
            {
                Rank = s.NotAssessed ? null : s.Rank,
                CityId = s.TenantId!.Value,
                CityName = names.GetValueOrDefault(s.TenantId!.Value),
                SheetId = s.Id,
                Version = s.Version,
                Total = s.NotAssessed ? null : s.Total,
                Grade = s.NotAssessed ? null : s.Grade,
                Colour = s.NotAssessed ? null : s.Colour,
                Change = !s.NotAssessed && s.PreviousTotal is { } p ? s.Total - p : null,
                NotAssessed = s.NotAssessed,
                Reason = s.Reason,
            })
            .ToList();
    }

    [RequiresPermission(PermissionPolicies.ProvinceResults)]
    public async Task<List<CompletenessRowDto>> GetCompletenessAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var scheme = await scoring.GetSchemeAsync(period);
        var expected = PeriodScoringService.EnteredIndicators(scheme.Definition).Select(i => i.Code).ToHashSet();
        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
        var inputs = await scoring.LoadAsync(periodId, cities.Select(c => c.Id).ToList());
        List<CitySubmission> all;
        using (ReadAcrossCities())
        {
            all = await submissions.ToListAsync(submissions.Query().Where(s => s.PeriodId == periodId));
        }

        return cities.Select(c =>
        {
            var reported = inputs[c.Id].Lines.Count(l => l.IsReported && expected.Contains(l.IndicatorCode));
            var submission = all.FirstOrDefault(s => s.TenantId == c.Id);
            return new CompletenessRowDto
            {
                CityId = c.Id,
                CityName = c.DisplayName,
                Reported = reported,
                Expected = expected.Count,
                Percent = expected.Count == 0 ? 100m : Math.Round(reported * 100m / expected.Count, 2, MidpointRounding.AwayFromZero),
                SubmissionStatus = (submission?.Status ?? SubmissionStatus.Draft).ToString(),
                FirstSubmittedTime = submission?.FirstSubmittedTime,
                OnTime = submission?.FirstSubmittedTime is { } first && first <= period.EntryClosesAt,
            };
        }).ToList();
    }

    private async Task<(AssessmentPeriod Period, Tenant City)> PublishedPeriodAndCityAsync(Guid periodId, Guid cityId)
    {
        var period = await periods.GetAsync(periodId);
        var city = await tenants.GetAsync(cityId);
        if (period.Status != PeriodStatus.Published)
        {
            throw new BusinessException(ResultErrorCodes.NotPublished, period.Name);
        }

        return (period, city);
    }

    private static string RequireReason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new BusinessException(ResultErrorCodes.ReasonRequired).WithError("reason", ResultErrorCodes.ReasonRequired)
        : reason.Trim();

    /// <summary>A city left out of the publication has no score to change.</summary>
    private async Task EnsureAssessedAsync(AssessmentPeriod period, Tenant city)
    {
        var current = await sheets.FirstOrDefaultAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent));
        if (current?.NotAssessed == true)
        {
            throw new BusinessException(ResultErrorCodes.NotAssessed, city.DisplayName);
        }
    }

    /// <summary>
    /// Re-grades the current tenant's sheet as a new version with the reference figures frozen on its current sheet,
    /// then ranks every city of the period again: each city whose rank moves gets a new version too. The old versions
    /// stay as they were.
    /// </summary>
    private async Task<ScoreSheetRecord> NewVersionAsync(AssessmentPeriod period, Scheme scheme, Tenant city, ScoreSheetKind kind, string reason, string? gradeOverride)
    {
        var versions = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id));
        var latest = versions.OrderByDescending(s => s.Version).First();
        var current = versions.FirstOrDefault(s => s.IsCurrent) ?? latest;
        var input = (await scoring.LoadAsync(period.Id, [city.Id], definition: scheme.Definition))[city.Id];
        var frozenLines = (await LinesOfAsync([current.Id]))[current.Id].ToList();
        if (frozenLines.Any(l => l.ReferenceSource is not null))
        {
            var (reference, lineReferences) = LineReference.Frozen(frozenLines);
            input = input with { Reference = reference, LineReferences = lineReferences, ReferencePeriodName = current.ReferencePeriodName };
        }

        var targets = await scoring.TargetsAsync(period, [city.Id]);
        var sheet = scoring.Score(scheme.Definition, input, targets, withAuditorScores: true);
        foreach (var version in versions)
        {
            version.IsCurrent = false;
        }

        var record = PeriodRecomputeService.ToRecord(city.Id, period.Id, latest.Version + 1, kind, sheet, input, current.PreviousTotal, current.Rank, scheme.Definition);
        record.Reason = reason;
        record.SelfTotal = current.SelfTotal;
        record.ReferencePeriodName = current.ReferencePeriodName ?? record.ReferencePeriodName;
        if (gradeOverride is not null)
        {
            record.Grade = gradeOverride;
            record.AwardEligible = false;
        }

        await sheets.InsertAsync(record, autoSave: false);
        using (ReadAcrossCities())
        {
            // The other cities' re-ranked versions are written by the province, inside this city's scope.
            await recompute.RerankAsync(period, record, city.DisplayName);
            await unitOfWork.SaveChangesAsync();
        }

        return record;
    }

    private async Task<ILookup<Guid, ScoreSheetLineRecord>> LinesOfAsync(IReadOnlyCollection<Guid> sheetIds) =>
        (await sheetLines.ToListAsync(sheetLines.Query().Where(l => sheetIds.Contains(l.ScoreSheetRecordId)))).ToLookup(l => l.ScoreSheetRecordId);

    private async Task<ScoreSheetRecordDto> ToDtoAsync(ScoreSheetRecord record, string? cityName)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var lines = await LinesOfAsync([record.Id]);
        return ToDto(record, cityName, lines[record.Id]);
    }

    private ScoreSheetRecordDto ToDto(ScoreSheetRecord record, string? cityName, IEnumerable<ScoreSheetLineRecord> lines)
    {
        var dto = mapper.Map<ScoreSheetRecordDto>(record);
        dto.CityName = cityName;
        dto.Lines = mapper.Map<List<ScoreSheetLineDto>>(lines.OrderBy(l => l.Order).ToList());
        foreach (var line in dto.Lines)
        {
            line.ReferenceSourceText = ResultsAutoMapperProfile.ReferenceSourceText(line.ReferenceSource, record.ReferencePeriodName);
        }

        return dto;
    }
}
