using System.Globalization;

namespace PilotAssessment.Agreements;

/// <summary>
/// The rules of a draft's body: targets only on the scheme's lines; extra indicators and key tasks each with a code
/// unique among their kind, a name, and (indicators) positive points. Every problem is reported at once, under the
/// item's code, in one <see cref="AgreementErrorCodes.Invalid"/>. A key task and its milestones fall due within the
/// agreement's year.
/// </summary>
public static class AgreementContentValidator
{
    /// <summary>The body that replaces <paramref name="current"/>; units already assigned stay with their codes.</summary>
    /// <exception cref="BusinessException"><see cref="AgreementErrorCodes.Invalid"/> with a field error per problem.</exception>
    public static AgreementContent Apply(AgreementContent current, AgreementContentChange change, int year)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var problems = new BusinessException(AgreementErrorCodes.Invalid);
        var lines = current.Lines.Where(l => !l.IsExtra).ToList();
        foreach (var target in change.Targets)
        {
            var index = lines.FindIndex(l => l.Code == target.Code);
            if (index < 0)
            {
                problems.WithError(target.Code, AgreementErrorCodes.UnknownIndicator, target.Code);
                continue;
            }

            lines[index] = lines[index] with { Target = target.Target, Note = Clean(target.Note) };
        }

        var codes = lines.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in change.ExtraLines)
        {
            var code = extra.Code.Trim();
            if (code.Length == 0)
            {
                problems.WithError("extraLines", AgreementErrorCodes.CodeRequired);
                continue;
            }

            if (!codes.Add(code))
            {
                problems.WithError(code, AgreementErrorCodes.DuplicateCode, code);
            }

            if (string.IsNullOrWhiteSpace(extra.Name))
            {
                problems.WithError(code, AgreementErrorCodes.NameRequired, code);
            }

            if (extra.MaxPoints <= 0)
            {
                problems.WithError(code, AgreementErrorCodes.MaxPointsNotPositive, extra.MaxPoints);
            }

            lines.Add(new AgreementLine
            {
                Code = code,
                Name = extra.Name.Trim(),
                MaxPoints = extra.MaxPoints,
                Target = extra.Target,
                Note = Clean(extra.Note),
                IsExtra = true,
                AssignedUnitId = current.Lines.FirstOrDefault(l => l.IsExtra && l.Code == code)?.AssignedUnitId,
            });
        }

        var taskCodes = new HashSet<string>(StringComparer.Ordinal);
        var tasks = new List<AgreementKeyTask>();
        foreach (var task in change.KeyTasks)
        {
            var code = task.Code.Trim();
            if (code.Length == 0)
            {
                problems.WithError("keyTasks", AgreementErrorCodes.CodeRequired);
                continue;
            }

            if (!taskCodes.Add(code))
            {
                problems.WithError(code, AgreementErrorCodes.DuplicateCode, code);
            }

            if (string.IsNullOrWhiteSpace(task.Task))
            {
                problems.WithError(code, AgreementErrorCodes.NameRequired, code);
            }

            if (task.DueDate is { } due && due.Year != year)
            {
                problems.WithError(code, AgreementErrorCodes.DueDateOutsideYear, code, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year);
            }

            foreach (var milestone in task.Milestones.Where(m => m.DueDate is { } d && d.Year != year && !string.IsNullOrWhiteSpace(m.Title)))
            {
                problems.WithError(code, AgreementErrorCodes.MilestoneDueOutsideYear, milestone.Title.Trim(), milestone.DueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year);
            }

            tasks.Add(new AgreementKeyTask
            {
                Code = code,
                Area = task.Area.Trim(),
                Task = task.Task.Trim(),
                ResponsibleUnit = Clean(task.ResponsibleUnit),
                ResponsibleUnitId = task.ResponsibleUnitId,
                DueDate = task.DueDate?.Date,
                Milestones = task.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title))
                    .Select(m => new KeyTaskMilestone { Title = m.Title.Trim(), DueDate = m.DueDate?.Date }).ToList(),
                AssignedUnitId = current.KeyTasks.FirstOrDefault(t => t.Code == code)?.AssignedUnitId,
            });
        }

        if (problems.Errors.Count > 0)
        {
            throw problems;
        }

        return new AgreementContent
        {
            Lines = lines,
            KeyTasks = tasks,
            Duties = CleanList(change.Duties),
            Prohibitions = CleanList(change.Prohibitions),
            Rules = CleanList(change.Rules),
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> CleanList(IEnumerable<string> items) =>
        items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
}
