using System.Text.Json;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Results.Pdf;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Publishing a period (final score sheets of every city, graded and ranked, in one pass), changes after publishing
/// as new sheet versions, and reading results: a city its own sheet, the province the ranking and completeness.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Default)]
public sealed class ResultAppService(
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<CitySubmission> submissions,
    IRepository<CityPeriodFacts> facts,
    IRepository<Tenant> tenants,
    IUnitOfWork unitOfWork,
    PeriodScoringService scoring,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    PdfFontProvider pdfFonts,
    TimeProvider clock,
    PeriodRecomputeService recompute) : IResultAppService
{
    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<List<RankingRowDto>> PublishAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        if (period.Status is not (PeriodStatus.Open or PeriodStatus.Locked))
        {
            throw new BusinessException(ResultErrorCodes.CannotPublish, period.Status);
        }

        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
        var cityIds = cities.Select(c => c.Id).ToList();
        using (dataFilter.Disable<IMultiTenant>())
        {
            var pending = await submissions.ToListAsync(submissions.Query()
                .Where(s => s.PeriodId == periodId && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Returned)));
            if (pending.Count > 0)
            {
                var names = cities.Where(c => pending.Any(p => p.TenantId == c.Id)).Select(c => c.DisplayName);
                throw new BusinessException(ResultErrorCodes.PendingReviews, string.Join("、", names));
            }

            await recompute.PublishAsync(period, cityIds, clock.GetUtcNow().UtcDateTime);
        }

        return await GetRankingAsync(periodId);
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<ScoreSheetRecordDto> ApplyRetroactiveVetoAsync(Guid periodId, Guid cityId, RetroactiveVetoInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var veto = scheme.Definition.Vetoes.FirstOrDefault(v => v.Code == input.VetoCode)
            ?? throw new BusinessException(ResultErrorCodes.UnknownVeto, input.VetoCode).WithError("vetoCode", ResultErrorCodes.UnknownVeto, input.VetoCode);
        var reason = RequireReason(input.Reason);
        using (currentTenant.Change(city.Id, city.Name))
        {
            var cityFacts = await facts.FirstOrDefaultAsync(facts.Query().Where(f => f.PeriodId == periodId));
            if (cityFacts is null)
            {
                cityFacts = new CityPeriodFacts(Guid.NewGuid(), periodId);
                await facts.InsertAsync(cityFacts, autoSave: false);
            }

            cityFacts.VetoFacts = new Dictionary<string, bool>(cityFacts.VetoFacts) { [veto.TriggerFact] = true };
            await unitOfWork.SaveChangesAsync();
            var record = await NewVersionAsync(period, scheme, city.Id, ScoreSheetKind.RetroactiveVeto, $"{veto.Code} {veto.Name}: {reason}", gradeOverride: null);
            return await ToDtoAsync(record, city.DisplayName);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<ScoreSheetRecordDto> WithdrawApprovalAsync(Guid periodId, Guid cityId, WithdrawApprovalInput input)
    {
        var (period, city) = await PublishedPeriodAndCityAsync(periodId, cityId);
        var scheme = await scoring.GetSchemeAsync(period);
        var reason = RequireReason(input.Reason);
        using (currentTenant.Change(city.Id, city.Name))
        {
            var submission = await submissions.FirstOrDefaultAsync(submissions.Query().Where(s => s.PeriodId == periodId))
                ?? throw new BusinessException(ResultErrorCodes.AlreadyWithdrawn, SubmissionStatus.Draft);
            submission.Withdraw(reason);
            await unitOfWork.SaveChangesAsync();

            // Without a confirmed self-assessment the city cannot be rated above the lowest grade.
            var record = await NewVersionAsync(period, scheme, city.Id, ScoreSheetKind.ApprovalWithdrawn, reason, gradeOverride: scheme.Definition.Grades.LastOrDefault()?.Name);
            return await ToDtoAsync(record, city.DisplayName);
        }
    }

    public async Task<ScoreSheetRecordDto> GetMySheetAsync(Guid periodId, int? version)
    {
        var cityId = currentTenant.Id ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), periodId);
        var period = await periods.GetAsync(periodId);
        if (period.Status != PeriodStatus.Published)
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
        var content = ScoreSheetPdfWriter.Write(sheet, period.Name, typeface, ProvinceTime.ToLocal(clock.GetUtcNow().UtcDateTime));
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
        if (currentTenant.Id is { } own && own != cityId)
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
        using (dataFilter.Disable<IMultiTenant>())
        {
            current = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == periodId && s.IsCurrent));
        }

        return CityRanking.Rank(current.OrderBy(s => names.GetValueOrDefault(s.TenantId!.Value)), s => s.Total)
            .Select(r => new RankingRowDto
            {
                Rank = r.Rank,
                CityId = r.Item.TenantId!.Value,
                CityName = names.GetValueOrDefault(r.Item.TenantId!.Value),
                SheetId = r.Item.Id,
                Version = r.Item.Version,
                Total = r.Item.Total,
                Grade = r.Item.Grade,
                Colour = r.Item.Colour,
                Change = r.Item.PreviousTotal is { } p ? r.Item.Total - p : null,
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
        using (dataFilter.Disable<IMultiTenant>())
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

    private IDisposable? ReadAcrossCitiesIfHost() => currentTenant.Id is null ? dataFilter.Disable<IMultiTenant>() : null;

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

    /// <summary>Re-grades the current tenant's sheet as a new version; the old versions stay as they were.</summary>
    private async Task<ScoreSheetRecord> NewVersionAsync(AssessmentPeriod period, Scheme scheme, Guid cityId, ScoreSheetKind kind, string reason, string? gradeOverride)
    {
        var versions = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id));
        var latest = versions.OrderByDescending(s => s.Version).First();
        var input = (await scoring.LoadAsync(period.Id, [cityId]))[cityId];
        var targets = await scoring.TargetsAsync(period, [cityId]);
        var sheet = scoring.Score(scheme.Definition, input, targets, withAuditorScores: true);
        List<ScoreSheetRecord> others;
        using (dataFilter.Disable<IMultiTenant>())
        {
            others = await sheets.ToListAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent && s.TenantId != cityId));
        }

        var rank = 1 + others.Count(o => o.Total > sheet.Total);
        foreach (var version in versions)
        {
            version.IsCurrent = false;
        }

        var record = PeriodRecomputeService.ToRecord(cityId, period.Id, latest.Version + 1, kind, sheet, input, latest.PreviousTotal, rank);
        record.Reason = reason;
        if (gradeOverride is not null)
        {
            record.Grade = gradeOverride;
            record.AwardEligible = false;
        }

        await sheets.InsertAsync(record, autoSave: false);
        await unitOfWork.SaveChangesAsync();
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

    private static ScoreSheetRecordDto ToDto(ScoreSheetRecord r, string? cityName, IEnumerable<ScoreSheetLineRecord> lines) => new()
    {
        Id = r.Id,
        CityId = r.TenantId!.Value,
        CityName = cityName,
        PeriodId = r.PeriodId,
        Version = r.Version,
        Kind = r.Kind.ToString(),
        IsCurrent = r.IsCurrent,
        Reason = r.Reason,
        IndicatorPoints = r.IndicatorPoints,
        MaxPoints = r.MaxPoints,
        Bonus = r.Bonus,
        VetoDeduction = r.VetoDeduction,
        Total = r.Total,
        Percent = r.Percent,
        ScoreGrade = r.ScoreGrade,
        Grade = r.Grade,
        Colour = r.Colour,
        AwardEligible = r.AwardEligible,
        Rank = r.Rank,
        PreviousTotal = r.PreviousTotal,
        Change = r.PreviousTotal is { } p ? r.Total - p : null,
        UnreportedCount = r.UnreportedCount,
        Categories = JsonSerializer.Deserialize<JsonElement>(r.CategoriesJson),
        BonusLines = JsonSerializer.Deserialize<JsonElement>(r.BonusJson),
        Vetoes = JsonSerializer.Deserialize<JsonElement>(r.VetoesJson),
        Lines = lines.OrderBy(l => l.Order).Select(l => new ScoreSheetLineDto
        {
            IndicatorCode = l.IndicatorCode,
            IndicatorName = l.IndicatorName,
            CategoryCode = l.CategoryCode,
            MaxPoints = l.MaxPoints,
            Value = l.Value,
            SelfScore = l.SelfScore,
            AuditorScore = l.AuditorScore,
            AdjustReason = l.AdjustReason,
            Points = l.Points,
            Status = l.Status.ToString(),
            ExplanationZh = l.ExplanationZh,
            ExplanationEn = l.ExplanationEn,
        }).ToList(),
        CreationTime = r.CreationTime,
    };
}
