using AutoMapper;
using PilotAssessment.Dtos;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Services;
using PilotAssessment.Tenants;
using P = PilotAssessment.Permissions.PilotAssessmentPermissions;

namespace PilotAssessment.Supervision;

/// <summary>
/// The register of assigned problems (交办问题) and their rectification. Problems are rows of their city: the province
/// reads across cities and writes inside the problem's city; a city reads only its own, a unit's member only the
/// unit's (<see cref="ProblemAccess"/>). The life cycle is the aggregate's (<see cref="Problem"/>); after every change
/// the city's register-fed lines are brought up to date (<see cref="ProblemRegister"/>).
/// </summary>
[RequiresPermission(P.Supervision.Default)]
internal sealed class ProblemAppService(
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
    IMapper mapper) : PilotAssessmentAppService(context), IProblemAppService
{
    private const int MaxExportRows = 10000;

    public async Task<PagedResultDto<ProblemDto>> GetListAsync(GetProblemsInput input)
    {
        var (total, page) = await QueryAsync(input, input.SkipCount, input.MaxResultCount);
        return new PagedResultDto<ProblemDto>(total, await ToDtosAsync(page));
    }

    public async Task<ProblemDetailDto> GetAsync(Guid id)
    {
        var problem = await GetVisibleAsync(id);
        List<ProblemEvidenceDto> files;
        List<ProblemEvent> history;
        List<Problem> repeats = [];
        using (ReadAcrossCitiesIfHost())
        {
            files = await evidence.ToListAsync(evidence.QueryReadOnly().Where(e => e.ProblemId == id).OrderBy(e => e.CreationTime)
                .Select(e => new ProblemEvidenceDto { Id = e.Id, Stage = e.Stage.ToString(), FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, CreationTime = e.CreationTime }));
            history = await events.ToListAsync(events.QueryReadOnly().Where(e => e.ProblemId == id));
            if (IsHost)
            {
                var city = problem.TenantId;
                repeats = await problems.ToListAsync(problems.QueryReadOnly()
                    .Where(p => p.TenantId == city && p.Status == ProblemStatus.Closed && p.Id != id)
                    .OrderByDescending(p => p.ClosedTime).Take(50));
            }
        }

        var unitNames = await UnitNamesAsync(history.Select(e => e.UnitId).Append(problem.UnitId));
        var userIds = history.Where(e => e.CreatorId != null).Select(e => e.CreatorId!.Value).Distinct().ToList();
        Dictionary<Guid, string> userNames;
        using (ReadAcrossCities())
        {
            userNames = (await users.ToListAsync(users.QueryReadOnly().Where(u => userIds.Contains(u.Id))))
                .ToDictionary(u => u.Id, u => u.Name ?? u.UserName ?? string.Empty);
        }

        var historyDtos = history.OrderBy(e => e.CreationTime).ThenBy(e => e.Kind).Select(e =>
        {
            var dto = mapper.Map<ProblemEventDto>(e);
            dto.UnitName = e.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null;
            dto.UserName = e.CreatorId is { } c ? userNames.GetValueOrDefault(c) : null;
            return dto;
        }).ToList();
        return new ProblemDetailDto
        {
            Problem = (await ToDtosAsync([problem])).Single(),
            Evidence = files,
            History = historyDtos,
            Repeats = await ToDtosAsync(repeats),
        };
    }

    public async Task<ProblemMatrixDto> GetMatrixAsync()
    {
        EnsureProvince();
        var cities = await tenants.ToListAsync(tenants.QueryReadOnly());
        List<(Guid? City, ProblemStatus Status, DateTime Deadline, Guid? Previous)> rows;
        using (ReadAcrossCities())
        {
            rows = (await problems.ToListAsync(problems.QueryReadOnly().Select(p => new { p.TenantId, p.Status, p.Deadline, p.PreviousProblemId })))
                .Select(p => (p.TenantId, p.Status, p.Deadline, p.PreviousProblemId)).ToList();
        }

        var now = Now;
        ProblemMatrixRowDto Row(Guid? cityId, string? name, IReadOnlyCollection<(Guid? City, ProblemStatus Status, DateTime Deadline, Guid? Previous)> of) => new()
        {
            CityId = cityId,
            CityName = name,
            Counts = Enum.GetValues<ProblemStatus>().ToDictionary(s => s.ToString(), s => of.Count(p => p.Status == s)),
            Overdue = of.Count(p => p.Status != ProblemStatus.Closed && p.Deadline < now),
            Repeat = of.Count(p => p.Previous != null),
            Total = of.Count,
        };

        return new ProblemMatrixDto
        {
            Rows = cities.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => Row(c.Id, c.DisplayName, rows.Where(p => p.City == c.Id).ToList())).ToList(),
            Total = Row(null, null, rows.Where(p => cities.Any(c => c.Id == p.City)).ToList()),
        };
    }

    public async Task<FileDto> ExportXlsxAsync(GetProblemsInput input)
    {
        var (_, all) = await QueryAsync(input, 0, MaxExportRows);
        var bytes = ProblemXlsxWriter.Write(await ToDtosAsync(all), L);
        return new FileDto($"problems-{ProvinceTime.ToLocal(Now):yyyyMMdd-HHmm}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

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
            var problem = new Problem(Guid.NewGuid(), city.Id, input.Title, input.Description, input.Category, input.Severity, deadline,
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
            var problem = new Problem(Guid.NewGuid(), city.Id, title, description, L[SupervisionErrorCodes.WarningCategory], input.Severity, deadline, ProblemSource.EarlyWarning)
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
        if (length > SupervisionConsts.MaxEvidenceBytes)
        {
            throw TooLarge();
        }

        var bytes = await ReadAsync(content);
        if (bytes.Length > SupervisionConsts.MaxEvidenceBytes)
        {
            throw TooLarge();
        }

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

        var stage = IsHost ? ProblemEvidenceStage.Finding : ProblemEvidenceStage.Rectification;
        var added = problem.AddEvidence(stage, name);
        var file = new ProblemEvidence(Guid.NewGuid(), problem.Id, stage, name, contentType, bytes) { TenantId = problem.TenantId };
        using (CurrentTenant.Change(problem.TenantId))
        {
            await evidence.InsertAsync(file);
            await events.InsertAsync(added);
        }

        return new ProblemEvidenceDto { Id = file.Id, Stage = stage.ToString(), FileName = file.FileName, ContentType = file.ContentType, Size = file.Size, CreationTime = file.CreationTime };
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

        return new FileDto(file.FileName, file.ContentType, file.Content);
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

    private async Task<(int Total, List<Problem> Page)> QueryAsync(GetProblemsInput input, int skip, int take)
    {
        var scope = await access.UnitScopeAsync();
        using (ReadAcrossCitiesIfHost())
        {
            var query = problems.QueryReadOnly();
            if (scope is not null)
            {
                var scopeIds = scope.ToList();
                query = query.Where(p => p.UnitId != null && scopeIds.Contains(p.UnitId.Value));
            }

            if (input.CityId is { } cityId)
            {
                query = query.Where(p => p.TenantId == cityId);
            }

            if (input.UnitId is { } unitId)
            {
                query = query.Where(p => p.UnitId == unitId);
            }

            if (input.RoundId is { } roundId)
            {
                query = query.Where(p => p.RoundId == roundId);
            }

            if (input.Status is { } status)
            {
                query = query.Where(p => p.Status == status);
            }

            var now = Now;
            if (input.Overdue is { } overdue)
            {
                query = overdue
                    ? query.Where(p => p.Status != ProblemStatus.Closed && p.Deadline < now)
                    : query.Where(p => p.Status == ProblemStatus.Closed || p.Deadline >= now);
            }

            if (!string.IsNullOrWhiteSpace(input.Filter))
            {
                var words = input.Filter.Trim();
                query = query.Where(p => p.Title.Contains(words) || p.Category.Contains(words));
            }

            var total = await problems.CountAsync(query);
            var page = await problems.ToListAsync(query.OrderByDescending(p => p.CreationTime).ThenBy(p => p.Id).Skip(skip).Take(take));
            return (total, page);
        }
    }

    /// <summary>The problem in the current city (any city for the province), visible to the user, or 404.</summary>
    private async Task<Problem> GetVisibleAsync(Guid id)
    {
        Problem problem;
        using (ReadAcrossCitiesIfHost())
        {
            problem = await problems.GetAsync(id);
        }

        await access.EnsureMaySeeAsync(problem, id);
        return problem;
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

    private async Task<List<ProblemDto>> ToDtosAsync(IReadOnlyCollection<Problem> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var cityNames = (await tenants.ToListAsync(tenants.QueryReadOnly())).ToDictionary(t => t.Id, t => t.DisplayName);
        var unitNames = await UnitNamesAsync(list.Select(p => p.UnitId));
        var roundIds = list.Where(p => p.RoundId != null).Select(p => p.RoundId!.Value).Distinct().ToList();
        var roundNames = roundIds.Count == 0
            ? []
            : (await rounds.ToListAsync(rounds.QueryReadOnly().Where(r => roundIds.Contains(r.Id)))).ToDictionary(r => r.Id, r => r.Name);
        var now = Now;
        return list.Select(p =>
        {
            var dto = mapper.Map<ProblemDto>(p);
            dto.CityName = p.TenantId is { } c ? cityNames.GetValueOrDefault(c) : null;
            dto.UnitName = p.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null;
            dto.RoundName = p.RoundId is { } r ? roundNames.GetValueOrDefault(r) : null;
            dto.Overdue = p.IsOverdueAt(now);
            return dto;
        }).ToList();
    }

    private async Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid?> ids)
    {
        var wanted = ids.Where(i => i != null).Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        using (ReadAcrossCitiesIfHost())
        {
            return (await units.ToListAsync(units.QueryReadOnly().Where(u => wanted.Contains(u.Id)))).ToDictionary(u => u.Id, u => u.Name);
        }
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

    /// <summary>At most one byte past the limit: enough to refuse an oversized upload, never the whole of it.</summary>
    private static async Task<byte[]> ReadAsync(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var max = SupervisionConsts.MaxEvidenceBytes + 1;
        long total = 0;
        int read;
        while (total < max && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)))) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read));
            total += read;
        }

        return buffer.ToArray();
    }

    private static BusinessException TooLarge() =>
        new BusinessException(SupervisionErrorCodes.EvidenceTooLarge, SupervisionConsts.MaxEvidenceBytes / 1024 / 1024)
            .WithError("file", SupervisionErrorCodes.EvidenceTooLarge, SupervisionConsts.MaxEvidenceBytes / 1024 / 1024);
}
