using System.Text;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Supervision;

namespace PilotAssessment.Todo;

/// <summary>The province's parts of the to-do: periods by state, late cities of open periods, overdue problems.</summary>
public sealed partial class TodoAppService
{
    private async Task<List<PeriodStateCountDto>> PeriodStatesAsync()
    {
        var counts = await periods.ToListAsync(periods.QueryReadOnly()
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }));
        return Enum.GetValues<PeriodStatus>().Select(status => new PeriodStateCountDto
        {
            Status = status.ToString(),
            StatusText = L[$"Enum:PeriodStatus.{status}"],
            Count = counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0,
        }).ToList();
    }

    private async Task<List<LatePeriodDto>> LateAsync()
    {
        var open = await periods.ToListAsync(periods.QueryReadOnly().Where(p => p.Status == PeriodStatus.Open).OrderBy(p => p.EntryClosesAt));
        if (open.Count == 0)
        {
            return [];
        }

        var cities = await tenants.ToListAsync(tenants.QueryReadOnly().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.DisplayName }));
        var today = ProvinceTime.Day(Now);
        var result = new List<LatePeriodDto>();
        using var _ = ReadAcrossCities();
        foreach (var period in open)
        {
            var expected = await ExpectedAsync(period);
            var reported = await ReportedByCityAsync(period.Id, expected);
            var periodId = period.Id;
            var states = (await submissions.ToListAsync(submissions.QueryReadOnly()
                    .Where(s => s.PeriodId == periodId && s.TenantId != null)
                    .Select(s => new { s.TenantId, s.Status })))
                .GroupBy(s => s.TenantId!.Value).ToDictionary(g => g.Key, g => g.First().Status);
            var prefix = TodoConsts.UrgeKeyPrefix(periodId);
            var urged = (await notifications.ToListAsync(notifications.QueryReadOnly()
                    .Where(n => n.Key.StartsWith(prefix) && n.TenantId != null)
                    .GroupBy(n => n.TenantId)
                    .Select(g => new { CityId = g.Key, Last = g.Max(n => n.CreationTime) })))
                .ToDictionary(u => u.CityId!.Value, u => u.Last);

            var late = cities
                .Select(c => new { City = c, Status = states.GetValueOrDefault(c.Id, SubmissionStatus.Draft) })
                .Where(c => c.Status is SubmissionStatus.Draft or SubmissionStatus.Returned)
                .Select(c => new LateCityDto
                {
                    CityId = c.City.Id,
                    CityName = c.City.DisplayName,
                    Reported = reported.GetValueOrDefault(c.City.Id),
                    SubmissionStatus = c.Status.ToString(),
                    SubmissionStatusText = StatusText(c.Status),
                    LastUrgedLocal = urged.TryGetValue(c.City.Id, out var last) ? Local(last) : null,
                    UrgedToday = urged.TryGetValue(c.City.Id, out var at) && ProvinceTime.Day(at) == today,
                })
                .OrderBy(c => c.Reported)
                .ToList();
            var item = new LatePeriodDto
            {
                PeriodId = period.Id,
                PeriodName = period.Name,
                EntryClosesAtLocal = Local(period.EntryClosesAt),
                DaysLeft = DaysLeft(period.EntryClosesAt),
                Expected = expected.Count,
                CityCount = cities.Count,
                Cities = late,
            };
            item.CopyText = CopyText(item);
            result.Add(item);
        }

        return result;
    }

    /// <summary>The message listing the late cities of one period, one city a line.</summary>
    private string CopyText(LatePeriodDto period)
    {
        var text = new StringBuilder();
        text.Append(L[TodoErrorCodes.UrgeListHeader, period.PeriodName, period.EntryClosesAtLocal, period.Cities.Count]);
        var number = 0;
        foreach (var city in period.Cities)
        {
            text.Append('\n').Append(L[TodoErrorCodes.UrgeListLine, ++number, city.CityName, city.Reported, period.Expected, city.SubmissionStatusText]);
        }

        return text.ToString();
    }

    private async Task<HashSet<string>> ExpectedAsync(AssessmentPeriod period) =>
        PeriodScoringService.EnteredIndicators((await schemes.GetAsync(period.SchemeId)).Definition).Select(i => i.Code).ToHashSet();

    /// <summary>Reported lines of the expected indicators per city, counted in the database.</summary>
    private async Task<Dictionary<Guid, int>> ReportedByCityAsync(Guid periodId, HashSet<string> expected)
    {
        var codes = expected.ToList();
        var counts = await lines.ToListAsync(lines.QueryReadOnly()
            .Where(l => l.PeriodId == periodId && l.TenantId != null && l.ValueJson != EmptyValueJson && codes.Contains(l.IndicatorCode))
            .GroupBy(l => l.TenantId)
            .Select(g => new { CityId = g.Key, Count = g.Count() }));
        return counts.ToDictionary(c => c.CityId!.Value, c => c.Count);
    }

    private async Task<OverdueProblemsDto> OverdueProblemsAsync()
    {
        var scope = await problemAccess.UnitScopeAsync();
        var now = Now;
        using var _ = ReadAcrossCitiesIfHost();
        var query = problems.QueryReadOnly().Where(p => p.Status != ProblemStatus.Closed && p.Deadline < now);
        if (scope is not null)
        {
            var units = scope.ToList();
            query = query.Where(p => p.UnitId != null && units.Contains(p.UnitId.Value));
        }

        var count = await problems.CountAsync(query);
        var items = await problems.ToListAsync(query.OrderBy(p => p.Deadline).Take(TodoConsts.MaxItems)
            .Select(p => new { p.Id, p.Title, p.TenantId, p.Deadline }));
        var names = items.Count == 0 ? [] : await CityNamesAsync();
        var today = ProvinceTime.Day(Now);
        return new OverdueProblemsDto
        {
            Count = count,
            Items = items.Select(p => new TodoProblemDto
            {
                Id = p.Id,
                Title = p.Title,
                CityId = p.TenantId,
                CityName = p.TenantId is { } city ? names.GetValueOrDefault(city) ?? string.Empty : string.Empty,
                DeadlineLocal = ProvinceTime.ToLocal(p.Deadline).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                OverdueDays = Math.Max(0, (today - ProvinceTime.Day(p.Deadline)).Days),
            }).ToList(),
        };
    }
}
