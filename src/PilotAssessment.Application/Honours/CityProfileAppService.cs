using System.Globalization;
using PilotAssessment.Localization;
using PilotAssessment.Periods;
using PilotAssessment.Permissions;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Services;
using PilotAssessment.Supervision;
using PilotAssessment.Tenants;

namespace PilotAssessment.Honours;

/// <summary>
/// One pilot city across years (本市概况): every published period's result from the header rows of its current score
/// sheets (no lines), its honours and its open problems. The province reads any city; a city only its own.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Results.Default)]
internal sealed class CityProfileAppService(
    ApplicationServiceContext context,
    IRepository<Tenant> tenants,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<HonourAward> awards,
    IRepository<Problem> problems,
    HonourAwardReader reader) : PilotAssessmentAppService(context), ICityProfileAppService
{
    /// <summary>The most open problems listed (the count covers all).</summary>
    public const int MaxProblemsListed = 50;

    public async Task<CityProfileDto> GetAsync(Guid cityId)
    {
        // A city asking for another city's profile learns nothing, not even that the city exists.
        if (!IsHost && CurrentTenant.Id != cityId)
        {
            throw new EntityNotFoundException(typeof(Tenant), cityId);
        }

        var city = await tenants.GetAsync(cityId);
        using var _ = ReadAcrossCities();
        var rows = await sheets.ToListAsync(sheets.QueryReadOnly()
            .Where(s => s.TenantId == cityId && s.IsCurrent && s.WithdrawnTime == null)
            .Select(s => new SheetRow(s.Id, s.PeriodId, s.Version, s.NotAssessed, s.Total, s.MaxPoints, s.Percent, s.Grade, s.Colour, s.Rank, s.VetoesJson != "[]")));
        var periodIds = rows.Select(r => r.PeriodId).ToList();
        var periodList = await periods.ToListAsync(periods.QueryReadOnly().Where(p => periodIds.Contains(p.Id) && p.Status == PeriodStatus.Published));
        var schemeIds = periodList.Select(p => p.SchemeId).Distinct().ToList();
        var definitions = (await schemes.ToListAsync(schemes.QueryReadOnly().Where(s => schemeIds.Contains(s.Id)))).ToDictionary(s => s.Id, s => s.Definition);
        var byPeriod = rows.GroupBy(r => r.PeriodId).ToDictionary(g => g.Key, g => g.First());

        var profile = new CityProfileDto { CityId = city.Id, CityName = city.DisplayName };
        foreach (var period in periodList.OrderBy(p => p.Year).ThenBy(p => p.PublishedTime))
        {
            var row = byPeriod[period.Id];
            var definition = definitions.GetValueOrDefault(period.SchemeId);
            var grade = definition?.Grades.FirstOrDefault(g => g.Name == row.Grade);
            var colour = definition?.Colours.FirstOrDefault(c => c.Name == row.Colour);
            profile.Periods.Add(new CityProfilePeriodDto
            {
                PeriodId = period.Id,
                PeriodName = period.Name,
                KindText = L[$"Enum:PeriodKind.{period.Kind}"],
                Year = period.Year,
                Number = period.Number,
                SheetId = row.Id,
                Version = row.Version,
                NotAssessed = row.NotAssessed,
                Total = row.NotAssessed ? null : row.Total,
                MaxPoints = row.MaxPoints,
                Percent = row.NotAssessed ? null : row.Percent,
                Grade = row.NotAssessed ? null : English && !string.IsNullOrEmpty(grade?.NameEn) ? grade.NameEn : row.Grade,
                GradeKey = row.NotAssessed ? null : grade?.Key,
                Colour = row.NotAssessed ? null : English && !string.IsNullOrEmpty(colour?.NameEn) ? colour.NameEn : row.Colour,
                ColourKey = row.NotAssessed ? null : colour?.Key,
                Rank = row.NotAssessed ? null : row.Rank,
                Vetoed = row.Vetoed,
                Final = period.FinalizedTime is not null,
                PublishedTime = period.PublishedTime,
            });
        }

        profile.Honours = await reader.ToDtosAsync(await awards.ToListAsync(awards.QueryReadOnly().Where(a => a.TenantId == cityId)));
        var open = problems.QueryReadOnly().Where(p => p.TenantId == cityId && p.Status != ProblemStatus.Closed);
        profile.OpenProblemCount = await problems.CountAsync(open);
        var listed = await problems.ToListAsync(open.OrderBy(p => p.Deadline).Take(MaxProblemsListed));
        profile.OpenProblems = listed.Select(p => new CityProfileProblemDto
        {
            Id = p.Id,
            Title = p.Title,
            StatusText = L[$"Enum:ProblemStatus.{p.Status}"],
            SeverityText = L[$"Enum:ProblemSeverity.{p.Severity}"],
            Deadline = p.Deadline,
            Overdue = p.IsOverdueAt(Now),
        }).ToList();
        return profile;
    }

    private static bool English => JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture) == "en";

    private sealed record SheetRow(Guid Id, Guid PeriodId, int Version, bool NotAssessed, decimal Total, decimal MaxPoints, decimal Percent, string? Grade, string? Colour, int? Rank, bool Vetoed);
}
