using AutoMapper;
using AutoMapper.QueryableExtensions;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Appeals;

/// <summary>
/// Appeals (申诉) during a period's public notice (公示): a city administrator appeals a line of the city's current
/// sheet or its total, with a reason and evidence; an auditor upholds (the line's new score becomes a new sheet
/// version "申诉改判" and every city of the period is re-ranked) or rejects with a reason. A city sees only its own.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Appeals.Default)]
public sealed class AppealAppService(
    ApplicationServiceContext context,
    IRepository<Appeal> appeals,
    IRepository<AppealEvidence> evidence,
    IRepository<PeriodPublicity> publicities,
    IRepository<AssessmentPeriod> periods,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<Tenant> tenants,
    PeriodScoringService scoring,
    ScoreSheetStore store,
    EvidenceQuota quota,
    IMapper mapper) : PilotAssessmentAppService(context), IAppealAppService
{
    public async Task<PublicityDto> GetPublicityAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var publicity = await PublicityOfAsync(periodId);
        if (publicity is null)
        {
            return new PublicityDto { PeriodId = periodId, Final = period.FinalizedTime is not null };
        }

        var dto = mapper.Map<PublicityDto>(publicity);
        dto.Final = period.FinalizedTime is not null;
        dto.AcceptsAppeals = !dto.Final && publicity.AcceptsAppeals(Now);
        using (ReadAcrossCitiesIfHost())
        {
            dto.OpenAppeals = await appeals.CountAsync(appeals.Query().Where(a => a.PublicityId == publicity.Id && a.Status == AppealStatus.Open));
        }

        return dto;
    }

    [RequiresPermission(PilotAssessmentPermissions.Results.Publish)]
    public async Task<PublicityDto> ClosePublicityAsync(Guid periodId, ClosePublicityInput input)
    {
        var period = await periods.GetAsync(periodId);
        var publicity = await RequirePublicityAsync(period);
        publicity.CloseEarly(input.Reason, await OpenCountAsync(publicity), Now);
        await publicities.UpdateAsync(publicity);
        return await GetPublicityAsync(periodId);
    }

    public async Task<List<AppealDto>> GetListAsync(GetAppealsInput input)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var query = appeals.Query();
        if (input.PeriodId is { } periodId)
        {
            query = query.Where(a => a.PeriodId == periodId);
        }

        if (input.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var list = await appeals.ToListAsync(query.OrderBy(a => a.Status != AppealStatus.Open).ThenBy(a => a.CreationTime).ProjectTo<AppealDto>(mapper.ConfigurationProvider));
        return await CompleteAsync(list);
    }

    public async Task<AppealDto> GetAsync(Guid id)
    {
        using var _ = ReadAcrossCitiesIfHost();
        return await ToDtoAsync(await appeals.GetAsync(id));
    }

    [RequiresPermission(PilotAssessmentPermissions.Appeals.Create)]
    public async Task<AppealDto> CreateAsync(CreateAppealInput input)
    {
        var cityId = CurrentTenant.Id ?? throw new EntityNotFoundException(typeof(AssessmentPeriod), input.PeriodId);
        var period = await periods.GetAsync(input.PeriodId);
        var publicity = await RequirePublicityAsync(period);
        publicity.EnsureAcceptsAppeals(Now);
        var sheet = await sheets.FirstOrDefaultAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent))
            ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), period.Id);
        if (sheet.NotAssessed)
        {
            throw new BusinessException(AppealErrorCodes.NotAssessed);
        }

        var code = string.IsNullOrWhiteSpace(input.IndicatorCode) ? null : input.IndicatorCode.Trim();
        string? name = null;
        var current = sheet.Total;
        if (code is not null)
        {
            var line = await sheetLines.FirstOrDefaultAsync(sheetLines.Query().Where(l => l.ScoreSheetRecordId == sheet.Id && l.IndicatorCode == code))
                ?? throw new BusinessException(AppealErrorCodes.UnknownLine, code).WithError("indicatorCode", AppealErrorCodes.UnknownLine, code);
            name = line.IndicatorName;
            current = line.Points;
        }

        if (await appeals.AnyAsync(appeals.Query().Where(a => a.PublicityId == publicity.Id && a.Status == AppealStatus.Open && a.IndicatorCode == code)))
        {
            throw new BusinessException(AppealErrorCodes.AlreadyOpen).WithError("indicatorCode", AppealErrorCodes.AlreadyOpen);
        }

        var appeal = new Appeal(SequentialGuid.Next(), cityId, period.Id, publicity.Id, sheet.Id, sheet.Version, code, name, current, input.RequestedScore, input.Reason);
        await appeals.InsertAsync(appeal);
        return await ToDtoAsync(appeal);
    }

    [RequiresPermission(PilotAssessmentPermissions.Appeals.Create)]
    public async Task<AppealEvidenceDto> UploadEvidenceAsync(Guid id, string fileName, Stream content, long length)
    {
        var appeal = await appeals.GetAsync(id);
        if (appeal.Status != AppealStatus.Open)
        {
            throw new BusinessException(AppealErrorCodes.AlreadyDecided, appeal.Status);
        }

        var bytes = await UploadedFile.ReadWithinAsync(content, length, DataEntryConsts.MaxEvidenceBytes, TooLarge);

        if (bytes.Length == 0)
        {
            throw new BusinessException(DataEntryErrorCodes.EvidenceEmpty).WithError("file", DataEntryErrorCodes.EvidenceEmpty);
        }

        var contentType = FileSignature.Detect(bytes, fileName)
            ?? throw new BusinessException(DataEntryErrorCodes.EvidenceType).WithError("file", DataEntryErrorCodes.EvidenceType);
        var appealBytes = (await evidence.ToListAsync(evidence.Query().Select(e => e.Size))).Sum();
        await quota.EnsureRoomAsync(appealBytes + bytes.Length);
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > DataEntryConsts.MaxFileNameLength)
        {
            name = "evidence" + Path.GetExtension(name ?? string.Empty);
        }

        var file = new AppealEvidence(SequentialGuid.Next(), appeal.Id, name, contentType, bytes);
        await evidence.InsertAsync(file);
        return mapper.Map<AppealEvidenceDto>(file);
    }

    public async Task<FileDto> DownloadEvidenceAsync(Guid evidenceId)
    {
        using var _ = ReadAcrossCitiesIfHost();
        var file = await evidence.GetAsync(evidenceId);
        return mapper.Map<FileDto>(file);
    }

    [RequiresPermission(PilotAssessmentPermissions.Appeals.Decide)]
    public async Task<AppealDto> UpholdAsync(Guid id, UpholdAppealInput input)
    {
        var (appeal, period, city) = await DecidableAsync(id);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var current = await sheets.FirstOrDefaultAsync(sheets.Query().Where(s => s.PeriodId == period.Id && s.IsCurrent))
                ?? throw new EntityNotFoundException(typeof(ScoreSheetRecord), period.Id);
            var code = string.IsNullOrWhiteSpace(input.IndicatorCode) ? appeal.IndicatorCode : input.IndicatorCode.Trim();
            if (code is null)
            {
                throw new BusinessException(AppealErrorCodes.UnknownLine, string.Empty).WithError("indicatorCode", AppealErrorCodes.UnknownLine, string.Empty);
            }

            var line = await sheetLines.FirstOrDefaultAsync(sheetLines.Query().Where(l => l.ScoreSheetRecordId == current.Id && l.IndicatorCode == code))
                ?? throw new BusinessException(AppealErrorCodes.UnknownLine, code).WithError("indicatorCode", AppealErrorCodes.UnknownLine, code);
            appeal.Uphold(code, input.Score, line.MaxPoints, input.Reason, CurrentUser.Id, Now);
            var reason = $"申诉改判：{line.IndicatorCode} {line.IndicatorName} {Points(line.Points)} → {Points(appeal.DecidedScore!.Value)} 分。{appeal.DecisionReason}";
            var decided = await DecidedScoresAsync(appeal);
            var scheme = await scoring.GetSchemeAsync(period);
            var record = await store.NewVersionAsync(period, scheme, city, ScoreSheetKind.AppealUpheld, Truncate(reason), gradeOverride: null, decidedScores: decided);
            appeal.RecordResult(record.Id, record.Version);
            await appeals.UpdateAsync(appeal);
        }

        using (ReadAcrossCities())
        {
            return await ToDtoAsync(appeal);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Appeals.Decide)]
    public async Task<AppealDto> RejectAsync(Guid id, RejectAppealInput input)
    {
        var (appeal, _, city) = await DecidableAsync(id);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            // The province writes the decision on the city's row, in the city's scope.
            appeal.Reject(input.Reason, CurrentUser.Id, Now);
            await appeals.UpdateAsync(appeal);
        }

        using (ReadAcrossCities())
        {
            return await ToDtoAsync(appeal);
        }
    }

    private async Task<(Appeal Appeal, AssessmentPeriod Period, Tenant City)> DecidableAsync(Guid id)
    {
        Appeal appeal;
        using (ReadAcrossCities())
        {
            appeal = await appeals.GetAsync(id);
        }

        var period = await periods.GetAsync(appeal.PeriodId);
        if (period.FinalizedTime is not null)
        {
            throw new BusinessException(AppealErrorCodes.AlreadyFinal, period.Name);
        }

        if (period.Status != PeriodStatus.Published)
        {
            throw new BusinessException(AppealErrorCodes.NotInPublicity, period.Name);
        }

        return (appeal, period, await tenants.GetAsync(appeal.TenantId!.Value));
    }

    /// <summary>Every line score decided on appeal in this notice for the appeal's city, this decision last.</summary>
    private async Task<Dictionary<string, DecidedScore>> DecidedScoresAsync(Appeal decided)
    {
        var upheld = await appeals.ToListAsync(appeals.Query()
            .Where(a => a.PublicityId == decided.PublicityId && a.Status == AppealStatus.Upheld && a.Id != decided.Id)
            .OrderBy(a => a.DecidedTime));
        var scores = new Dictionary<string, DecidedScore>();
        foreach (var appeal in upheld.Append(decided))
        {
            scores[appeal.DecidedIndicatorCode!] = new DecidedScore(appeal.DecidedScore!.Value, ScoreSheetStore.AppealReason(appeal.DecisionReason));
        }

        return scores;
    }

    private async Task<PeriodPublicity?> PublicityOfAsync(Guid periodId) =>
        await publicities.FirstOrDefaultAsync(publicities.Query().Where(p => p.PeriodId == periodId && p.WithdrawnTime == null).OrderByDescending(p => p.StartsAt));

    private async Task<PeriodPublicity> RequirePublicityAsync(AssessmentPeriod period)
    {
        if (period.FinalizedTime is not null)
        {
            throw new BusinessException(AppealErrorCodes.AlreadyFinal, period.Name);
        }

        if (period.Status != PeriodStatus.Published)
        {
            throw new BusinessException(AppealErrorCodes.NotInPublicity, period.Name);
        }

        return await PublicityOfAsync(period.Id) ?? throw new BusinessException(AppealErrorCodes.NotInPublicity, period.Name);
    }

    private async Task<int> OpenCountAsync(PeriodPublicity publicity)
    {
        using var _ = ReadAcrossCities();
        return await appeals.CountAsync(appeals.Query().Where(a => a.PublicityId == publicity.Id && a.Status == AppealStatus.Open));
    }

    private async Task<AppealDto> ToDtoAsync(Appeal appeal) => (await CompleteAsync([mapper.Map<AppealDto>(appeal)]))[0];

    /// <summary>City names, status words and evidence lists; the caller has chosen whose rows it reads.</summary>
    private async Task<List<AppealDto>> CompleteAsync(List<AppealDto> list)
    {
        var names = (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id, t => t.DisplayName);
        var ids = list.Select(a => a.Id).ToList();
        var files = (await evidence.ToListAsync(evidence.Query().Where(e => ids.Contains(e.AppealId)).OrderBy(e => e.CreationTime).ProjectTo<AppealEvidenceDto>(mapper.ConfigurationProvider)))
            .ToLookup(e => e.AppealId);
        foreach (var dto in list)
        {
            dto.CityName = names.GetValueOrDefault(dto.CityId);
            dto.StatusText = L[$"Enum:AppealStatus.{dto.Status}"];
            dto.Target = dto.IndicatorCode is null ? L["Appeal:Total"] : $"{dto.IndicatorCode} {dto.IndicatorName}";
            dto.Evidence = files[dto.Id].ToList();
        }

        return list;
    }

    private static string Points(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length > DataEntryConsts.MaxNoteLength ? text[..DataEntryConsts.MaxNoteLength] : text;

    private static BusinessException TooLarge() =>
        new BusinessException(DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024)
            .WithError("file", DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024);
}
