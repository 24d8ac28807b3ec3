using PilotAssessment.OrganizationUnits;
using PilotAssessment.Tenants;

namespace PilotAssessment.Agreements;

/// <summary>
/// What every agreement service reads the same way (docs/adr/0005). Agreements are rows of the city: the province
/// reads them across cities (<see cref="AcrossCitiesIfHostAsync{T}"/>) and acts inside the agreement's city
/// (<see cref="InCity"/>); a city reads only its own and never sees drafts. Inside a city, users who are not allowed
/// to cascade see only the lines and key tasks of their units (<see cref="VisibleContentAsync"/>).
/// </summary>
internal sealed class AgreementReader(
    ApplicationServiceContext context,
    IRepository<Agreement> agreements,
    IRepository<KeyTaskProgress> progress,
    IRepository<Tenant> tenants,
    IRepository<UnitMember> members,
    IPermissionChecker permissions,
    IMapper mapper)
{
    private bool IsHost => context.CurrentTenant.Id is null;

    /// <summary>Inside one city, for its rows; the province writes into a city only this way.</summary>
    public IDisposable InCity(Guid? cityId, string? cityName = null) => context.CurrentTenant.Change(cityId, cityName);

    /// <summary>Inside the agreement's city.</summary>
    public IDisposable InCityOf(Agreement agreement) => InCity(agreement.TenantId);

    /// <summary>Runs a read across every city for the province; a city reads only its own rows.</summary>
    public async Task<T> AcrossCitiesIfHostAsync<T>(Func<Task<T>> read)
    {
        using (IsHost ? context.DataFilter.Disable<IMultiTenant>() : null)
        {
            return await read();
        }
    }

    /// <summary>The agreement in the current city, or in any city for the province; a city never sees drafts (404).</summary>
    public async Task<Agreement> GetVisibleAsync(Guid id)
    {
        var agreement = await AcrossCitiesIfHostAsync(() => agreements.GetAsync(id));
        return IsVisible(agreement) ? agreement : throw new EntityNotFoundException(typeof(Agreement), id);
    }

    /// <summary>Whether the reader may see this agreement or version: the province all, a city all but drafts.</summary>
    public bool IsVisible(Agreement agreement) => IsHost || agreement.Status != AgreementStatus.Draft;

    /// <summary>
    /// Null: the user sees the whole city (the province, or a city user allowed to cascade). Otherwise the ids of
    /// the user's units.
    /// </summary>
    public async Task<HashSet<Guid>?> UnitScopeAsync(Agreement agreement)
    {
        if (IsHost || context.CurrentUser.TenantId is null || await permissions.IsGrantedAsync(PilotAssessmentPermissions.Agreements.Assign))
        {
            return null;
        }

        var userId = context.CurrentUser.Id;
        using (InCityOf(agreement))
        {
            return (await members.ToListAsync(members.Query().Where(m => m.UserId == userId).Select(m => m.UnitId))).ToHashSet();
        }
    }

    /// <summary>
    /// The lines and key tasks the user may see (<see cref="UnitScopeAsync"/>): the detail view, the Word export,
    /// the version diff, attachments and progress reports all go through this one rule.
    /// </summary>
    public async Task<AgreementContent> VisibleContentAsync(Agreement agreement)
    {
        var scope = await UnitScopeAsync(agreement);
        if (scope is null)
        {
            return agreement.Content;
        }

        bool Visible(Guid? unitId) => unitId is { } u && scope.Contains(u);
        return agreement.Content with
        {
            Lines = agreement.Content.Lines.Where(l => Visible(l.AssignedUnitId)).ToList(),
            KeyTasks = agreement.Content.KeyTasks.Where(t => Visible(t.AssignedUnitId)).ToList(),
        };
    }

    /// <summary>One of the key tasks the user may see, or 404.</summary>
    public async Task<AgreementKeyTask> GetVisibleTaskAsync(Agreement agreement, string taskCode) =>
        (await VisibleContentAsync(agreement)).KeyTasks.FirstOrDefault(t => t.Code == taskCode)
        ?? throw new EntityNotFoundException(typeof(AgreementKeyTask), taskCode);

    /// <summary>Every progress report of the agreement's series (all its versions).</summary>
    public async Task<List<KeyTaskProgress>> ReportsAsync(Agreement agreement)
    {
        using (InCityOf(agreement))
        {
            return await progress.ToListAsync(progress.Query().Where(p => p.SeriesId == agreement.SeriesId));
        }
    }

    public async Task<Dictionary<Guid, string>> CityNamesAsync() =>
        (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id, t => t.DisplayName);

    /// <summary>The header of an agreement, as in lists (no lines, tasks or lists).</summary>
    public AgreementDto Header(Agreement agreement, IReadOnlyDictionary<Guid, string> cityNames)
    {
        var dto = mapper.Map<AgreementDto>(agreement);
        dto.CityName = agreement.TenantId is { } city ? cityNames.GetValueOrDefault(city) : null;
        return dto;
    }

    /// <summary>The whole agreement as the user may see it, each key task with its latest percentage and status.</summary>
    public async Task<AgreementDto> ToDetailAsync(Agreement agreement)
    {
        var dto = Header(agreement, await CityNamesAsync());
        var content = await VisibleContentAsync(agreement);
        var reports = await ReportsAsync(agreement);
        var today = context.Clock.GetUtcNow().UtcDateTime.Date;
        dto.Lines = mapper.Map<List<AgreementLineDto>>(content.Lines);
        dto.KeyTasks = content.KeyTasks.Select(t =>
        {
            var percent = KeyTaskProgress.LatestPercent(reports, agreement.SeriesId, t.Code);
            var status = KeyTaskProgress.StatusOf(t, percent, today);
            var task = mapper.Map<AgreementKeyTaskDto>(t);
            task.Percent = percent;
            task.IsOverdue = status == KeyTaskStatus.Overdue;
            task.Status = status.ToString();
            return task;
        }).ToList();
        dto.Duties = [.. agreement.Content.Duties];
        dto.Prohibitions = [.. agreement.Content.Prohibitions];
        dto.Rules = [.. agreement.Content.Rules];
        return dto;
    }
}
