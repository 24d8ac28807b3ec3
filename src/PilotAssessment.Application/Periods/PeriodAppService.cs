using AutoMapper.QueryableExtensions;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Periods;

/// <summary>Periods belong to the province: officials create, open and close them and reopen a city after the close.</summary>
[RequiresPermission(PilotAssessmentPermissions.Periods.Default)]
public sealed class PeriodAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<PeriodLockException> lockExceptions,
    IRepository<Scheme> schemes,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    IMapper mapper) : PilotAssessmentAppService(context), IPeriodAppService
{
    public async Task<List<PeriodDto>> GetListAsync(GetPeriodsInput input)
    {
        var query = periods.Query();
        if (input.SchemeId is { } schemeId)
        {
            query = query.Where(p => p.SchemeId == schemeId);
        }

        if (Enum.TryParse<PeriodStatus>(input.Status, ignoreCase: true, out var status))
        {
            query = query.Where(p => p.Status == status);
        }

        return await periods.ToListAsync(query.OrderByDescending(p => p.Year).ThenBy(p => p.Kind).ThenBy(p => p.Number)
            .ProjectTo<PeriodDto>(mapper.ConfigurationProvider));
    }

    public async Task<PeriodDto> GetAsync(Guid id) => mapper.Map<PeriodDto>(await periods.GetAsync(id));

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public async Task<PeriodDto> CreateAsync(CreatePeriodInput input)
    {
        var scheme = await schemes.FindAsync(input.SchemeId);
        if (scheme is null || scheme.Status != SchemeStatus.Published)
        {
            throw new BusinessException(PeriodErrorCodes.SchemeNotPublished).WithError(nameof(input.SchemeId), PeriodErrorCodes.SchemeNotPublished);
        }

        if (await periods.AnyAsync(periods.Query().Where(p =>
            p.SchemeId == input.SchemeId && p.Kind == input.Kind && p.Year == input.Year && p.Number == input.Number)))
        {
            throw new BusinessException(PeriodErrorCodes.Duplicate, input.Year, input.Number);
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? DefaultName(scheme, input.Kind, input.Year, input.Number) : input.Name.Trim();
        var period = new AssessmentPeriod(SequentialGuid.Next(), scheme.Id, name, input.Kind, input.Year, input.Number,
            ProvinceTime.ToUtc(input.EntryOpensAt), ProvinceTime.ToUtc(input.EntryClosesAt));
        await periods.InsertAsync(period);
        return mapper.Map<PeriodDto>(period);
    }

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> UpdateWindowAsync(Guid id, UpdatePeriodWindowInput input) => ChangeAsync(id, period =>
    {
        period.ConcurrencyStamp = input.ConcurrencyStamp;
        period.UpdateWindow(ProvinceTime.ToUtc(input.EntryOpensAt), ProvinceTime.ToUtc(input.EntryClosesAt));
    });

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> OpenAsync(Guid id) => ChangeAsync(id, period => period.Open(Now));

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> CloseAsync(Guid id) => ChangeAsync(id, period => period.Lock(Now));

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public async Task<List<LockExceptionDto>> GetLockExceptionsAsync(Guid id)
    {
        await periods.GetAsync(id);
        return await lockExceptions.ToListAsync(lockExceptions.Query().Where(e => e.PeriodId == id).OrderBy(e => e.CreationTime)
            .ProjectTo<LockExceptionDto>(mapper.ConfigurationProvider));
    }

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public async Task<LockExceptionDto> CreateLockExceptionAsync(Guid id, CreateLockExceptionInput input)
    {
        var period = await periods.GetAsync(id);
        if (period.Status is not (PeriodStatus.Open or PeriodStatus.Locked))
        {
            throw new BusinessException(PeriodErrorCodes.NotLocked, period.Status);
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw new BusinessException(PeriodErrorCodes.ReasonRequired).WithError(nameof(input.Reason), PeriodErrorCodes.ReasonRequired);
        }

        var city = await tenants.FindAsync(input.CityId)
            ?? throw new BusinessException(PeriodErrorCodes.UnknownCity).WithError(nameof(input.CityId), PeriodErrorCodes.UnknownCity);

        if (input.UnitId is { } unitId)
        {
            // Read inside the chosen city: a unit of another city (or a closed one) is not found there.
            using (CurrentTenant.Change(city.Id, city.Name))
            {
                if (!await units.AnyAsync(units.Query().Where(u => u.Id == unitId && u.ClosedTime == null)))
                {
                    throw new BusinessException(PeriodErrorCodes.UnknownUnit).WithError(nameof(input.UnitId), PeriodErrorCodes.UnknownUnit);
                }
            }
        }

        var deadline = ProvinceTime.ToUtc(input.Deadline);
        if (deadline <= Now)
        {
            throw new BusinessException(PeriodErrorCodes.DeadlineInPast).WithError(nameof(input.Deadline), PeriodErrorCodes.DeadlineInPast);
        }

        var exception = new PeriodLockException(SequentialGuid.Next(), period.Id, input.CityId, input.UnitId, input.Reason.Trim(), deadline);
        await lockExceptions.InsertAsync(exception);
        return mapper.Map<LockExceptionDto>(exception);
    }

    [RequiresPermission(PilotAssessmentPermissions.Periods.Manage)]
    public async Task<List<CityUnitDto>> GetCityUnitsAsync(Guid id, Guid cityId)
    {
        await periods.GetAsync(id);
        var city = await tenants.GetAsync(cityId);
        List<OrganizationUnit> all;
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            all = await units.ToListAsync(units.Query());
        }

        var byId = all.ToDictionary(u => u.Id);
        string PathOf(OrganizationUnit unit)
        {
            var names = new List<string>();
            var seen = new HashSet<Guid>();
            for (OrganizationUnit? at = unit; at is not null && seen.Add(at.Id); at = at.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                names.Add(at.Name);
            }

            names.Reverse();
            return string.Join(" / ", names);
        }

        return all.Where(u => !u.IsClosed)
            .Select(u => new CityUnitDto { Id = u.Id, Name = u.Name, Path = PathOf(u) })
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Loads the period, applies one change of the domain to it and returns it as it is now.</summary>
    private async Task<PeriodDto> ChangeAsync(Guid id, Action<AssessmentPeriod> change)
    {
        var period = await periods.GetAsync(id);
        change(period);
        await periods.UpdateAsync(period);
        return mapper.Map<PeriodDto>(period);
    }

    private static string DefaultName(Scheme scheme, PeriodKind kind, int year, int number) => kind switch
    {
        PeriodKind.Annual => $"{year}年度",
        PeriodKind.HalfYear => $"{year}年{(number == 1 ? "上半年" : "下半年")}",
        PeriodKind.Quarterly => $"{year}年第{number}季度",
        _ => $"{year}年{number}月",
    } + $" · {scheme.Name}";
}
