using AutoMapper.QueryableExtensions;
using PilotAssessment.Agreements.SampleData;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Tenants;

namespace PilotAssessment.Agreements;

/// <summary>
/// An agreement's life cycle (docs/adr/0005): the province drafts, issues, puts in force and closes; the city signs;
/// a change after signing is a new version. The rules of each step are the aggregate's (<see cref="Agreement"/>).
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Default)]
internal sealed class AgreementAppService(
    ApplicationServiceContext context,
    AgreementReader reader,
    IRepository<Agreement> agreements,
    IRepository<Scheme> schemes,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    IRepository<AppUser> users,
    IUnitOfWork unitOfWork,
    IMapper mapper) : PilotAssessmentAppService(context), IAgreementAppService
{
    public async Task<PagedResultDto<AgreementDto>> GetListAsync(GetAgreementsInput input)
    {
        var query = agreements.Query();
        if (!IsHost)
        {
            query = query.Where(a => a.Status != AgreementStatus.Draft);
        }

        if (input.Year is not null)
        {
            query = query.Where(a => a.Year == input.Year);
        }

        if (input.CityId is not null)
        {
            query = query.Where(a => a.TenantId == input.CityId);
        }

        if (Enum.TryParse<AgreementStatus>(input.Status, ignoreCase: true, out var status))
        {
            query = query.Where(a => a.Status == status);
        }

        var (total, page) = await reader.AcrossCitiesIfHostAsync(async () => (
            await agreements.CountAsync(query),
            await agreements.ToListAsync(query.OrderByDescending(a => a.Year).ThenBy(a => a.TenantId).ThenByDescending(a => a.Version)
                .Skip(input.SkipCount).Take(input.MaxResultCount).ProjectTo<AgreementDto>(mapper.ConfigurationProvider))));
        var cities = await reader.CityNamesAsync();
        foreach (var agreement in page)
        {
            agreement.CityName = agreement.CityId is { } city ? cities.GetValueOrDefault(city) : null;
        }

        return new PagedResultDto<AgreementDto>(total, page);
    }

    public async Task<AgreementDto> GetAsync(Guid id) => await reader.ToDetailAsync(await reader.GetVisibleAsync(id));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> CreateAsync(CreateAgreementInput input)
    {
        var city = await tenants.FindAsync(input.CityId) ?? throw new BusinessException(AgreementErrorCodes.CityNotFound);
        var scheme = await schemes.FindAsync(input.SchemeId);
        if (scheme is null || scheme.Status != SchemeStatus.Published)
        {
            throw new BusinessException(AgreementErrorCodes.SchemeNotPublished);
        }

        var year = input.Year ?? scheme.Year;
        var title = string.IsNullOrWhiteSpace(input.Title) ? L[AgreementErrorCodes.DefaultTitle, year, city.DisplayName].Value : input.Title;
        var agreement = new Agreement(SequentialGuid.Next(), title, year, scheme.Id, new AgreementContent
        {
            Lines = scheme.Definition.AllIndicators().Select(i => new AgreementLine
            {
                Code = i.Code,
                Name = i.Name,
                MaxPoints = i.MaxPoints,
                SchemeTarget = (i.Rule as RatioToTargetRule)?.Target ?? i.Target,
            }).ToList(),
            KeyTasks = input.WithPlanKeyTasks ? SampleKeyTaskLoader.Load(year) : [],
        });
        using (reader.InCity(city.Id, city.Name))
        {
            // One agreement a year per city; changes go through amendments, a new start needs the old one closed.
            if (await agreements.AnyAsync(agreements.Query().Where(a => a.Year == year && a.Status != AgreementStatus.Closed && a.Status != AgreementStatus.Superseded)))
            {
                throw new BusinessException(AgreementErrorCodes.AlreadyExists, city.DisplayName, year);
            }

            await agreements.InsertAsync(agreement);
        }

        return await reader.ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> UpdateAsync(Guid id, UpdateAgreementInput input)
    {
        var agreement = await reader.GetVisibleAsync(id);
        using (reader.InCityOf(agreement))
        {
            // A responsible unit named by id must be one of this city's units.
            foreach (var unitId in input.KeyTasks.Where(t => t.ResponsibleUnitId is not null).Select(t => t.ResponsibleUnitId!.Value).Distinct())
            {
                _ = await units.FindAsync(unitId) ?? throw new EntityNotFoundException(typeof(OrganizationUnit), unitId);
            }

            agreement.ConcurrencyStamp = input.ConcurrencyStamp;
            agreement.Redraft(input.Title, ToChange(input));
            await agreements.UpdateAsync(agreement);
        }

        return await reader.ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task DeleteAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        agreement.EnsureCanBeDeleted();
        using (reader.InCityOf(agreement))
        {
            await agreements.DeleteAsync(agreement);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> IssueAsync(Guid id) => TransitionAsync(id, a => a.Issue(Now));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task<AgreementDto> SignAsync(Guid id, SignAgreementInput input)
    {
        var userId = CurrentUser.Id ?? throw new ForbiddenException(PilotAssessmentErrorCodes.EntityNotFound);
        var signatory = input.Signatory;
        if (string.IsNullOrWhiteSpace(signatory))
        {
            var user = await users.FindAsync(userId);
            signatory = user?.Name ?? user?.UserName ?? CurrentUser.UserName ?? string.Empty;
        }

        return await TransitionAsync(id, a => a.Sign(userId, signatory.Trim(), Now));
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> PutInForceAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        agreement.PutInForce(Now);
        using (reader.InCityOf(agreement))
        {
            // The amended version replaces every earlier one that was signed or in force: one save of all of them.
            var earlier = await agreements.ToListAsync(agreements.Query().Where(a =>
                a.SeriesId == agreement.SeriesId && a.Version < agreement.Version
                && (a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.InForce)));
            foreach (var old in earlier)
            {
                old.Supersede(Now);
                await agreements.UpdateAsync(old, autoSave: false);
            }

            await agreements.UpdateAsync(agreement, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return await reader.ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CloseAsync(Guid id) => TransitionAsync(id, a => a.Close(Now));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> AmendAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        var amended = agreement.Amend(SequentialGuid.Next());
        using (reader.InCityOf(agreement))
        {
            if (await agreements.AnyAsync(agreements.Query().Where(a => a.SeriesId == agreement.SeriesId && a.Version > agreement.Version)))
            {
                throw new BusinessException(AgreementErrorCodes.AlreadyAmended, agreement.Version);
            }

            await agreements.InsertAsync(amended);
        }

        return await reader.ToDetailAsync(amended);
    }

    public async Task<List<AgreementVersionDto>> GetVersionsAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        List<Agreement> versions;
        using (reader.InCityOf(agreement))
        {
            versions = await agreements.ToListAsync(agreements.Query().Where(a => a.SeriesId == agreement.SeriesId));
        }

        return mapper.Map<List<AgreementVersionDto>>(versions.Where(reader.IsVisible).OrderBy(v => v.Version));
    }

    private async Task<AgreementDto> TransitionAsync(Guid id, Action<Agreement> transition)
    {
        var agreement = await reader.GetVisibleAsync(id);
        transition(agreement);
        using (reader.InCityOf(agreement))
        {
            await agreements.UpdateAsync(agreement);
        }

        return await reader.ToDetailAsync(agreement);
    }

    private static AgreementContentChange ToChange(UpdateAgreementInput input) => new()
    {
        Targets = input.Targets.Select(t => new TargetChange(t.Code, t.Target, t.Note)).ToList(),
        ExtraLines = input.ExtraLines.Select(e => new ExtraLineChange(e.Code, e.Name, e.MaxPoints, e.Target, e.Note)).ToList(),
        KeyTasks = input.KeyTasks.Select(t => new KeyTaskChange(
            t.Code,
            t.Area,
            t.Task,
            t.ResponsibleUnit,
            t.ResponsibleUnitId,
            t.DueDate,
            t.Milestones.Select(m => new KeyTaskMilestone { Title = m.Title, DueDate = m.DueDate }).ToList())).ToList(),
        Duties = input.Duties,
        Prohibitions = input.Prohibitions,
        Rules = input.Rules,
    };
}
