using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Files;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;
using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Supervision;

/// <summary>
/// The register of assigned problems (交办问题) and their rectification. Problems are rows of their city: the province
/// reads across cities and writes inside the problem's city; a city reads only its own, a unit's member only the
/// unit's (<see cref="ProblemAccess"/>). The life cycle is the aggregate's (<see cref="Problem"/>); after every change
/// the city's register-fed lines are brought up to date (<see cref="ProblemRegister"/>). Reading is in
/// ProblemAppService.Reading.cs.
/// </summary>
[RequiresPermission(P.Supervision.Default)]
internal sealed partial class ProblemAppService(
    ApplicationServiceContext context,
    IRepository<Problem> problems,
    IRepository<ProblemEvent> events,
    IRepository<ProblemEvidence> evidence,
    IRepository<SupervisionRound> rounds,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    IRepository<AppUser> users,
    IRepository<AssessmentPeriod> periods,
    IResultMonitoringAppService monitoring,
    ProblemAccess access,
    ProblemRegister register,
    EvidenceQuota quota,
    IMapper mapper) : PilotAssessmentAppService(context), IProblemAppService
{
    private const int MaxExportRows = 10000;

    [RequiresPermission(P.Supervision.Manage)]
    public async Task<ProblemDto> CreateAsync(CreateProblemInput input)
    {
        EnsureProvince();
        var city = await tenants.FindAsync(input.CityId)
            ?? throw new BusinessException(SupervisionErrorCodes.UnknownCity).WithError("cityId", SupervisionErrorCodes.UnknownCity);
        if (input.RoundId is { } roundId && await rounds.FindAsync(roundId) is null)
        {
            throw new BusinessException(SupervisionErrorCodes.UnknownRound).WithError("roundId", SupervisionErrorCodes.UnknownRound);
        }

        var deadline = RequireDeadline(input.Deadline);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var problem = new Problem(SequentialGuid.Next(), city.Id, input.Title, input.Description, input.Category, input.Severity, deadline,
                input.RoundId is null ? ProblemSource.Other : ProblemSource.Round)
            {
                RoundId = input.RoundId,
            };
            if (input.UnitId is { } unitId)
            {
                problem.SuggestUnit((await OpenUnitAsync(unitId, "unitId")).Id);
            }

            if (input.PreviousProblemId is { } previousId)
            {
                var previous = await problems.FindAsync(previousId)
                    ?? throw new BusinessException(SupervisionErrorCodes.UnknownPrevious).WithError("previousProblemId", SupervisionErrorCodes.UnknownPrevious);
                problem.RepeatOf(previous);
            }

            return await InsertAsync(problem);
        }
    }

    [RequiresPermission(P.Supervision.Manage)]
    public async Task<ProblemDto> RaiseFromWarningAsync(RaiseFromWarningInput input)
    {
        EnsureProvince();
        var period = await periods.FindAsync(input.PeriodId)
            ?? throw new BusinessException(SupervisionErrorCodes.UnknownPeriod).WithError("periodId", SupervisionErrorCodes.UnknownPeriod);
        var city = await tenants.FindAsync(input.CityId)
            ?? throw new BusinessException(SupervisionErrorCodes.UnknownCity).WithError("cityId", SupervisionErrorCodes.UnknownCity);
        var deadline = RequireDeadline(input.Deadline);

        // The warning must be one the monitoring shows now: never a problem made up from a request.
        var row = (await monitoring.GetMonitoringAsync(period.Id)).FirstOrDefault(r => r.CityId == city.Id);
        var warning = row?.Warnings.FirstOrDefault(w => w.Scope == input.Scope && w.Code == input.Code)
            ?? throw new BusinessException(SupervisionErrorCodes.NoSuchWarning, input.Code).WithError("code", SupervisionErrorCodes.NoSuchWarning, input.Code);
        var percent = warning.Percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string title = L[SupervisionErrorCodes.WarningTitle, warning.Name, warning.Colour ?? string.Empty, percent];
        string description = L[SupervisionErrorCodes.WarningDescription, period.Name, warning.Code, warning.Name, percent];
        if (!string.IsNullOrWhiteSpace(input.Description))
        {
            description += "\n" + input.Description.Trim();
        }

        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var problem = new Problem(SequentialGuid.Next(), city.Id, title, description, L[SupervisionErrorCodes.WarningCategory], input.Severity, deadline, ProblemSource.EarlyWarning)
            {
                PeriodId = period.Id,
                IndicatorCode = warning.Scope == "Line" ? warning.Code : null,
                CategoryCode = warning.Scope == "Line" ? null : warning.Code,
            };
            return await InsertAsync(problem);
        }
    }

    [RequiresPermission(P.Supervision.Assign)]
    public async Task<ProblemDto> HandToUnitAsync(Guid id, HandToUnitInput input)
    {
        EnsureCity();
        var problem = await GetVisibleAsync(id);
        var unit = await OpenUnitAsync(input.UnitId, "unitId");
        return await ChangeAsync(problem, problem.HandTo(unit.Id, input.Note));
    }

    [RequiresPermission(P.Supervision.Manage, P.Supervision.Rectify)]
    public async Task<ProblemEvidenceDto> UploadEvidenceAsync(Guid id, string? fileName, Stream content, long length)
    {
        var problem = await GetVisibleAsync(id);
        var bytes = await UploadedFile.ReadWithinAsync(content, length, SupervisionConsts.MaxEvidenceBytes, TooLarge);

        if (bytes.Length == 0)
        {
            throw new BusinessException(SupervisionErrorCodes.EvidenceEmpty).WithError("file", SupervisionErrorCodes.EvidenceEmpty);
        }

        var contentType = FileSignature.Detect(bytes, fileName ?? string.Empty) is { } detected && detected is FileSignature.Pdf or FileSignature.Png or FileSignature.Jpeg
            ? detected
            : throw new BusinessException(SupervisionErrorCodes.EvidenceType).WithError("file", SupervisionErrorCodes.EvidenceType);
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "evidence" + contentType switch { FileSignature.Pdf => ".pdf", FileSignature.Png => ".png", _ => ".jpg" };
        }
        else if (name.Length > SupervisionConsts.MaxFileNameLength)
        {
            name = name[^SupervisionConsts.MaxFileNameLength..];
        }

        // The province's findings count against the city's quota as the city's own files do.
        using (CurrentTenant.Change(problem.TenantId))
        {
            await quota.EnsureRoomAsync(bytes.Length);
        }

        var stage = IsHost ? ProblemEvidenceStage.Finding : ProblemEvidenceStage.Rectification;
        var added = problem.AddEvidence(stage, name);
        var file = new ProblemEvidence(SequentialGuid.Next(), problem.Id, stage, name, contentType, bytes) { TenantId = problem.TenantId };
        using (CurrentTenant.Change(problem.TenantId))
        {
            await evidence.InsertAsync(file);
            await events.InsertAsync(added);
        }

        return mapper.Map<ProblemEvidenceDto>(file);
    }

    public async Task<FileDto> DownloadEvidenceAsync(Guid id, Guid evidenceId)
    {
        var problem = await GetVisibleAsync(id);
        ProblemEvidence? file;
        using (ReadAcrossCitiesIfHost())
        {
            file = await evidence.FindAsync(evidenceId);
        }

        if (file is null || file.ProblemId != problem.Id)
        {
            throw new EntityNotFoundException(typeof(ProblemEvidence), evidenceId);
        }

        return mapper.Map<FileDto>(file);
    }

    [RequiresPermission(P.Supervision.Rectify)]
    public async Task<ProblemDto> ReportRectificationAsync(Guid id, ReportRectificationInput input)
    {
        EnsureCity();
        var problem = await GetVisibleAsync(id);
        var files = await evidence.CountAsync(evidence.Query().Where(e => e.ProblemId == id && e.Stage == ProblemEvidenceStage.Rectification));
        return await ChangeAsync(problem, problem.ReportRectification(input.Note, files, Now));
    }

    [RequiresPermission(P.Supervision.Manage)]
    public async Task<ProblemDto> CloseAsync(Guid id, CloseProblemInput input)
    {
        EnsureProvince();
        var problem = await GetVisibleAsync(id);
        return await ChangeAsync(problem, problem.Close(input.Note, Now));
    }

    [RequiresPermission(P.Supervision.Manage)]
    public async Task<ProblemDto> RejectAsync(Guid id, RejectRectificationInput input)
    {
        EnsureProvince();
        var problem = await GetVisibleAsync(id);
        return await ChangeAsync(problem, problem.Reject(input.Reason));
    }

    private async Task<ProblemDto> InsertAsync(Problem problem)
    {
        await problems.InsertAsync(problem);
        await events.InsertAsync(problem.Assigned());
        await register.SyncCityAsync(problem.TenantId!.Value, [problem]);
        return (await ToDtosAsync([problem])).Single();
    }

    /// <summary>Stores a step of the life cycle inside the problem's city and brings the city's fed lines up to date.</summary>
    private async Task<ProblemDto> ChangeAsync(Problem problem, ProblemEvent step)
    {
        using (CurrentTenant.Change(problem.TenantId))
        {
            await problems.UpdateAsync(problem);
            await events.InsertAsync(step);
            await register.SyncCityAsync(problem.TenantId!.Value, [problem]);
        }

        return (await ToDtosAsync([problem])).Single();
    }

    /// <summary>An open unit of the current city, or a 400 on <paramref name="field"/>.</summary>
    private async Task<OrganizationUnit> OpenUnitAsync(Guid unitId, string field)
    {
        var unit = await units.FindAsync(unitId);
        if (unit is null || unit.IsClosed)
        {
            throw new BusinessException(SupervisionErrorCodes.UnknownUnit).WithError(field, SupervisionErrorCodes.UnknownUnit);
        }

        return unit;
    }

    private static DateTime RequireDeadline(DateOnly? deadline) =>
        deadline is { } day
            ? SupervisionDays.EndOf(day)
            : throw new BusinessException(SupervisionErrorCodes.DeadlineRequired).WithError("deadline", SupervisionErrorCodes.DeadlineRequired);

    private void EnsureProvince()
    {
        if (!IsHost)
        {
            throw new ForbiddenException(SupervisionErrorCodes.ProvinceOnly);
        }
    }

    private void EnsureCity()
    {
        if (IsHost)
        {
            throw new ForbiddenException(SupervisionErrorCodes.CityOnly);
        }
    }

    private static BusinessException TooLarge() =>
        new BusinessException(SupervisionErrorCodes.EvidenceTooLarge, SupervisionConsts.MaxEvidenceBytes / 1024 / 1024)
            .WithError("file", SupervisionErrorCodes.EvidenceTooLarge, SupervisionConsts.MaxEvidenceBytes / 1024 / 1024);
}
