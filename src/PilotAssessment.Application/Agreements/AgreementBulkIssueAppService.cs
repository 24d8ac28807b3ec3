using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Agreements;

/// <summary>
/// The province issues the agreements of a year to many cities at once from one template agreement
/// (<see cref="AgreementTemplate"/>), each city with its own targets. Every row is checked before anything is
/// written: one problem anywhere refuses the whole request, each problem under its row (<c>cities[i]</c>).
/// A city keeps one agreement a year, so issuing again finds the agreements made the first time.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
internal sealed class AgreementBulkIssueAppService(
    ApplicationServiceContext context,
    AgreementReader reader,
    IRepository<Agreement> agreements,
    IRepository<Scheme> schemes,
    IRepository<Tenant> tenants) : PilotAssessmentAppService(context), IAgreementBulkIssueAppService
{
    public const int MaxCities = 100;

    public async Task<BulkIssueResultDto> BulkIssueAsync(BulkIssueAgreementsInput input)
    {
        if (!IsHost)
        {
            throw new ForbiddenException(AgreementErrorCodes.ProvinceOnly);
        }

        var source = await reader.GetVisibleAsync(input.TemplateId);
        var template = new AgreementTemplate(source);
        var year = input.Year ?? source.Year;
        if (year is < 2000 or > 2100)
        {
            throw new BusinessException(AgreementErrorCodes.InvalidYear, year).WithError("year", AgreementErrorCodes.InvalidYear, year);
        }

        if (await schemes.FindAsync(template.SchemeId) is not { Status: SchemeStatus.Published })
        {
            throw new BusinessException(AgreementErrorCodes.SchemeNotPublished);
        }

        if (input.Cities.Count is 0 or > MaxCities)
        {
            throw new BusinessException(AgreementErrorCodes.BulkCityCount, MaxCities).WithError("cities", AgreementErrorCodes.BulkCityCount, MaxCities);
        }

        var plans = await PlanAsync(input, template, year);
        var rows = new List<BulkIssueRowDto>();
        foreach (var plan in plans)
        {
            using (reader.InCity(plan.City.Id, plan.City.Name))
            {
                rows.Add(await ApplyAsync(plan, template, year, input.Issue));
            }
        }

        return new BulkIssueResultDto(year, rows);
    }

    /// <summary>Every row's new body, or the refusal of the whole request with each row's problems.</summary>
    private async Task<List<Plan>> PlanAsync(BulkIssueAgreementsInput input, AgreementTemplate template, int year)
    {
        var cities = (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id);
        var ids = input.Cities.Select(c => c.CityId).Distinct().ToList();
        List<Agreement> open;
        using (ReadAcrossCities())
        {
            open = await agreements.ToListAsync(agreements.Query().Where(a => a.Year == year && a.TenantId != null && ids.Contains(a.TenantId.Value)
                && a.Status != AgreementStatus.Closed && a.Status != AgreementStatus.Superseded));
        }

        var problems = new BusinessException(AgreementErrorCodes.BulkInvalid);
        var plans = new List<Plan>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < input.Cities.Count; i++)
        {
            var row = input.Cities[i];
            var key = $"cities[{i}]";
            if (!cities.TryGetValue(row.CityId, out var city))
            {
                problems.WithError(key, AgreementErrorCodes.CityNotFound);
                continue;
            }

            if (!seen.Add(city.Id))
            {
                problems.WithError(key, AgreementErrorCodes.BulkDuplicateCity, city.DisplayName);
                continue;
            }

            var current = open.Where(a => a.TenantId == city.Id).MaxBy(a => a.Version);
            var change = template.ChangeFor(year, row.Targets.Select(t => new TargetChange(t.Code.Trim(), t.Target, t.Note)), current?.Content);
            try
            {
                var content = AgreementContentValidator.Apply(current?.Content ?? template.Blank(), change, year);
                if (current is not null && current.Status != AgreementStatus.Draft && !AgreementTemplate.SameBody(current.Content, content))
                {
                    problems.WithError(key, AgreementErrorCodes.BulkAlreadyIssued, city.DisplayName, AgreementStatusText.Of(current.Status));
                    continue;
                }

                plans.Add(new Plan(city, current, content));
            }
            catch (BusinessException refused) when (refused.Code == AgreementErrorCodes.Invalid)
            {
                foreach (var error in refused.Errors.Values.SelectMany(e => e))
                {
                    problems.WithError(key, error);
                }
            }
        }

        return problems.Errors.Count > 0 ? throw problems : plans;
    }

    private async Task<BulkIssueRowDto> ApplyAsync(Plan plan, AgreementTemplate template, int year, bool issue)
    {
        var (city, agreement, content) = plan;
        string outcome;
        if (agreement is null)
        {
            agreement = new Agreement(SequentialGuid.Next(), L[AgreementErrorCodes.DefaultTitle, year, city.DisplayName].Value, year, template.SchemeId, content);
            IssueIf(agreement, issue);
            await agreements.InsertAsync(agreement);
            outcome = "Created";
        }
        else if (agreement.Status == AgreementStatus.Draft)
        {
            outcome = AgreementTemplate.SameBody(agreement.Content, content) ? "Unchanged" : "Updated";
            agreement.UpdateContent(content);
            IssueIf(agreement, issue);
            await agreements.UpdateAsync(agreement);
        }
        else
        {
            outcome = "Unchanged";
        }

        return new BulkIssueRowDto(city.Id, city.DisplayName, agreement.Id, agreement.Version, outcome, agreement.Status.ToString());
    }

    private void IssueIf(Agreement agreement, bool issue)
    {
        if (issue)
        {
            agreement.Issue(Now);
        }
    }

    private sealed record Plan(Tenant City, Agreement? Current, AgreementContent Content);
}
