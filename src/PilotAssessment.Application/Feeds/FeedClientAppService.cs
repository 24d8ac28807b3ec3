using PilotAssessment.Tenants;

namespace PilotAssessment.Feeds;

/// <summary>
/// Registering data feeds (数据接口): the province for any pilot cities, a city's administrator for the own city only.
/// The secret is returned once, at registration. The province sees every client, a city its own; another city's
/// client answers 404.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Feeds.Manage)]
public sealed class FeedClientAppService(
    ApplicationServiceContext context,
    IRepository<FeedClient> clients,
    IRepository<FeedImport> imports,
    IRepository<Tenant> tenants) : PilotAssessmentAppService(context), IFeedClientAppService
{
    public async Task<List<FeedClientDto>> GetListAsync()
    {
        List<FeedClient> all;
        Dictionary<Guid, DateTime> last;
        using (ReadAcrossCitiesIfHost())
        {
            all = await clients.ToListAsync(clients.QueryReadOnly().OrderByDescending(c => c.CreationTime));
            var ids = all.Select(c => c.Id).ToList();
            last = (await imports.ToListAsync(imports.QueryReadOnly().Where(i => ids.Contains(i.ClientId))
                    .GroupBy(i => i.ClientId).Select(g => new { g.Key, Time = g.Max(i => i.CreationTime) })))
                .ToDictionary(g => g.Key, g => g.Time);
        }

        var names = await CityNamesAsync();
        return all.Select(c => ToDto(c, names, last.TryGetValue(c.Id, out var t) ? t : null)).ToList();
    }

    public async Task<FeedClientCreatedDto> CreateAsync(CreateFeedClientInput input)
    {
        var error = new BusinessException(FeedErrorCodes.Invalid);
        var name = input.Name?.Trim() ?? string.Empty;
        var department = input.Department?.Trim() ?? string.Empty;
        if (name.Length is 0 or > FeedConsts.MaxNameLength)
        {
            error.WithError("name", FeedErrorCodes.NameRequired, FeedConsts.MaxNameLength);
        }

        if (department.Length is 0 or > FeedConsts.MaxDepartmentLength)
        {
            error.WithError("department", FeedErrorCodes.DepartmentRequired, FeedConsts.MaxDepartmentLength);
        }

        var cityIds = (input.CityIds ?? []).Distinct().ToList();
        if (CurrentTenant.Id is { } own)
        {
            if (cityIds.Any(id => id != own))
            {
                error.WithError("cityIds", FeedErrorCodes.OwnCityOnly);
            }

            cityIds = [own];
        }
        else if (cityIds.Count == 0)
        {
            error.WithError("cityIds", FeedErrorCodes.CitiesRequired);
        }
        else
        {
            var known = (await tenants.ToListAsync(tenants.QueryReadOnly().Where(t => cityIds.Contains(t.Id)).Select(t => t.Id))).ToHashSet();
            if (cityIds.Any(id => !known.Contains(id)))
            {
                error.WithError("cityIds", FeedErrorCodes.UnknownCity);
            }
        }

        var codes = (input.IndicatorCodes ?? []).Select(c => c?.Trim() ?? string.Empty).ToList();
        if (!input.AllIndicators && (codes.Count == 0 || codes.Any(c => c.Length is 0 or > 32)))
        {
            error.WithError("indicatorCodes", FeedErrorCodes.IndicatorsRequired);
        }

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        var client = new FeedClient(SequentialGuid.Next(), CurrentTenant.Id, name, department, cityIds, input.AllIndicators, codes, out var secret);
        await clients.InsertAsync(client);
        return new FeedClientCreatedDto { Client = ToDto(client, await CityNamesAsync(), null), ClientSecret = secret };
    }

    public async Task<FeedClientDto> RevokeAsync(Guid id, RevokeFeedClientInput input)
    {
        var reason = input.Reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > FeedConsts.MaxReasonLength)
        {
            throw new BusinessException(FeedErrorCodes.ReasonRequired, FeedConsts.MaxReasonLength)
                .WithError("reason", FeedErrorCodes.ReasonRequired, FeedConsts.MaxReasonLength);
        }

        var client = await VisibleAsync(id);

        // A city's client is changed inside its city, also when the province revokes it.
        using (CurrentTenant.Change(client.TenantId))
        {
            client.Revoke(reason, Now);
            await clients.UpdateAsync(client);
        }

        return ToDto(client, await CityNamesAsync(), null);
    }

    public async Task<List<FeedImportDto>> GetImportsAsync(Guid id)
    {
        var client = await VisibleAsync(id);
        using (ReadAcrossCitiesIfHost())
        {
            return (await imports.ToListAsync(imports.QueryReadOnly().Where(i => i.ClientId == client.Id).OrderByDescending(i => i.CreationTime).Take(200)))
                .Select(i => new FeedImportDto { Id = i.Id, IdempotencyKey = i.IdempotencyKey, Time = i.CreationTime, Imported = i.Imported, Updated = i.Updated, Ignored = i.Ignored })
                .ToList();
        }
    }

    private async Task<FeedClient> VisibleAsync(Guid id)
    {
        using (ReadAcrossCitiesIfHost())
        {
            return await clients.FindAsync(id) ?? throw new EntityNotFoundException(typeof(FeedClient), id);
        }
    }

    private async Task<Dictionary<Guid, string>> CityNamesAsync() =>
        (await tenants.ToListAsync(tenants.QueryReadOnly().Select(t => new { t.Id, t.DisplayName }))).ToDictionary(t => t.Id, t => t.DisplayName);

    private static FeedClientDto ToDto(FeedClient client, Dictionary<Guid, string> names, DateTime? lastImport) => new()
    {
        Id = client.Id,
        TenantId = client.TenantId,
        Name = client.Name,
        Department = client.Department,
        CityIds = client.CityIds,
        CityNames = client.CityIds.Select(id => names.GetValueOrDefault(id) ?? string.Empty).ToList(),
        AllIndicators = client.AllIndicators,
        IndicatorCodes = client.IndicatorCodes,
        CreationTime = client.CreationTime,
        RevokedTime = client.RevokedTime,
        RevokeReason = client.RevokeReason,
        LastImportTime = lastImport,
    };
}
