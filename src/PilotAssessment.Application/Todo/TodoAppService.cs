using System.Globalization;
using Microsoft.Extensions.Logging;
using PilotAssessment.DataEntry;
using PilotAssessment.Identity;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Supervision;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Todo;

/// <summary>
/// The to-do (待办) of the signed-in person, put together from counts (GROUP BY in the database, never every line of
/// the province), and 催报 of a late city. Which parts a person gets follows their permissions; a city's users see only
/// their city, a clerk only the lines of their unit.
/// </summary>
[RequiresSignIn]
public sealed partial class TodoAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    IRepository<Tenant> tenants,
    IRepository<Notification> notifications,
    IRepository<Problem> problems,
    IRepository<AppUser> appUsers,
    IIdentityUserRepository users,
    EntryLineAccess lineAccess,
    EntryWindowPolicy window,
    ProblemAccess problemAccess,
    IPermissionChecker permissions,
    IEmailSender email,
    ILogger<TodoAppService> logger) : PilotAssessmentAppService(context), ITodoAppService
{
    /// <summary>The stored JSON of a line nobody has entered a value in.</summary>
    private static readonly string EmptyValueJson = new EntryValue().ToJson();

    [RequiresSignIn]
    public async Task<TodoDto> GetMineAsync()
    {
        var todo = new TodoDto();
        if (!IsHost && await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Default))
        {
            todo.Entry = await EntryAsync();
        }

        if (IsHost && (await permissions.IsGrantedAsync(PilotAssessmentPermissions.Review.Approve)
            || await permissions.IsGrantedAsync(PilotAssessmentPermissions.Review.Adjust)))
        {
            todo.Review = await ReviewAsync();
        }

        if (IsHost && await permissions.IsGrantedAsync(PilotAssessmentPermissions.Periods.Manage))
        {
            todo.PeriodStates = await PeriodStatesAsync();
            todo.Late = await LateAsync();
        }

        if (await permissions.IsGrantedAsync(PilotAssessmentPermissions.Supervision.Default))
        {
            todo.OverdueProblems = await OverdueProblemsAsync();
        }

        return todo;
    }

    private async Task<List<EntryTodoDto>> EntryAsync()
    {
        var cityId = CurrentTenant.Id!.Value;
        var isCityAdmin = await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Submit);
        var active = await periods.ToListAsync(periods.QueryReadOnly()
            .Where(p => p.Status == PeriodStatus.Open || p.Status == PeriodStatus.Locked)
            .OrderBy(p => p.EntryClosesAt));
        var result = new List<EntryTodoDto>();
        foreach (var period in active)
        {
            var scope = await lineAccess.ForAsync(period);
            var definition = (await schemes.GetAsync(period.SchemeId)).Definition;
            var names = definition.AllIndicators().GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Name);
            var expected = PeriodScoringService.EnteredIndicators(definition).Select(i => i.Code).Where(scope.MayAccess).ToHashSet();

            // One row per line of the city, of a few columns: a city has one line per indicator.
            var periodId = period.Id;
            var rows = await lines.ToListAsync(lines.QueryReadOnly()
                .Where(l => l.PeriodId == periodId)
                .Select(l => new LineRow(l.IndicatorCode, l.ValueJson != EmptyValueJson, l.Status, l.ReturnComment)));
            var mine = rows.Where(r => scope.MayAccess(r.IndicatorCode)).ToList();
            var reported = mine.Where(r => r.Reported && expected.Contains(r.IndicatorCode)).Select(r => r.IndicatorCode).Distinct().Count();
            var returned = mine.Where(r => r.Status == EntryLineStatus.Returned).OrderBy(r => r.IndicatorCode, StringComparer.Ordinal).ToList();
            var mayWrite = await MayWriteAsync(period, cityId, scope);
            if (period.Status != PeriodStatus.Open && !mayWrite && returned.Count == 0)
            {
                continue;
            }

            var item = new EntryTodoDto
            {
                PeriodId = period.Id,
                PeriodName = period.Name,
                EntryClosesAt = period.EntryClosesAt,
                EntryClosesAtLocal = Local(period.EntryClosesAt),
                DaysLeft = DaysLeft(period.EntryClosesAt),
                MayWrite = mayWrite,
                Expected = expected.Count,
                Reported = reported,
                Missing = expected.Count - reported,
                ReturnedCount = returned.Count,
                Returned = returned.Take(TodoConsts.MaxItems)
                    .Select(r => new TodoLineDto { IndicatorCode = r.IndicatorCode, IndicatorName = names.GetValueOrDefault(r.IndicatorCode) ?? r.IndicatorCode, Comment = r.ReturnComment })
                    .ToList(),
            };
            if (isCityAdmin)
            {
                var submission = await submissions.FirstOrDefaultAsync(submissions.QueryReadOnly().Where(s => s.PeriodId == periodId));
                var status = submission?.Status ?? SubmissionStatus.Draft;
                item.ToCheck = mine.Count(r => r.Status == EntryLineStatus.UnitSubmitted);
                item.SubmissionStatus = status.ToString();
                item.SubmissionStatusText = StatusText(status);
                item.SubmissionReturnComment = submission?.ReturnComment;
            }

            result.Add(item);
        }

        return result;
    }

    private async Task<bool> MayWriteAsync(AssessmentPeriod period, Guid cityId, EntryLineScope scope)
    {
        if (scope.UserUnits is not { Count: > 0 } units)
        {
            return await window.MayWriteAsync(period, cityId, null);
        }

        foreach (var unit in units)
        {
            if (await window.MayWriteAsync(period, cityId, unit))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<List<ReviewTodoDto>> ReviewAsync()
    {
        using var _ = ReadAcrossCities();
        var counts = await submissions.ToListAsync(submissions.QueryReadOnly()
            .Where(s => s.Status == SubmissionStatus.Submitted)
            .GroupBy(s => s.PeriodId)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() }));
        if (counts.Count == 0)
        {
            return [];
        }

        var periodIds = counts.Select(c => c.PeriodId).ToList();
        var named = (await periods.ToListAsync(periods.QueryReadOnly().Where(p => periodIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.EntryClosesAt })))
            .ToDictionary(p => p.Id);
        var cityNames = await CityNamesAsync();
        var result = new List<ReviewTodoDto>();
        foreach (var count in counts.Where(c => named.ContainsKey(c.PeriodId)).OrderBy(c => named[c.PeriodId].EntryClosesAt))
        {
            var periodId = count.PeriodId;
            var waiting = await submissions.ToListAsync(submissions.QueryReadOnly()
                .Where(s => s.PeriodId == periodId && s.Status == SubmissionStatus.Submitted)
                .OrderBy(s => s.SubmittedTime)
                .Take(TodoConsts.MaxItems)
                .Select(s => new { s.TenantId, s.SubmittedTime }));
            result.Add(new ReviewTodoDto
            {
                PeriodId = periodId,
                PeriodName = named[periodId].Name,
                Submitted = count.Count,
                Cities = waiting.Where(w => w.TenantId != null).Select(w => new TodoCityDto
                {
                    CityId = w.TenantId!.Value,
                    CityName = cityNames.GetValueOrDefault(w.TenantId.Value) ?? string.Empty,
                    TimeLocal = w.SubmittedTime is { } time ? Local(time) : null,
                }).ToList(),
            });
        }

        return result;
    }

    private async Task<Dictionary<Guid, string>> CityNamesAsync() =>
        (await tenants.ToListAsync(tenants.QueryReadOnly().Select(t => new { t.Id, t.DisplayName }))).ToDictionary(t => t.Id, t => t.DisplayName);

    private string StatusText(SubmissionStatus status) => L[$"Enum:SubmissionStatus.{status}"];

    private static string Local(DateTime utc) => ProvinceTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private int DaysLeft(DateTime closesAt) => (ProvinceTime.Day(closesAt) - ProvinceTime.Day(Now)).Days;

    private sealed record LineRow(string IndicatorCode, bool Reported, EntryLineStatus Status, string? ReturnComment);
}
