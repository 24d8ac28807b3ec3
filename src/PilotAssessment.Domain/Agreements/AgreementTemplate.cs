namespace PilotAssessment.Agreements;

/// <summary>
/// One agreement used as the model of every city's agreement of a year (bulk issue): its targets, extra indicators,
/// key tasks and lists, with each city's own targets on top. Units are the template city's and are not carried over
/// to another city (the responsible unit stays as written); key tasks' dates move into the year issued, keeping
/// month and day.
/// </summary>
public sealed class AgreementTemplate
{
    private readonly AgreementContent _content;
    private readonly int _fromYear;

    public AgreementTemplate(Agreement template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _content = template.Content;
        _fromYear = template.Year;
        SchemeId = template.SchemeId;
    }

    public Guid SchemeId { get; }

    /// <summary>The scheme's lines as a new agreement starts with them: no city target, note or unit yet.</summary>
    public AgreementContent Blank() => new()
    {
        Lines = _content.Lines.Where(l => !l.IsExtra).Select(l => l with { Target = null, Note = null, AssignedUnitId = null }).ToList(),
    };

    /// <summary>
    /// The body of one city's agreement for <paramref name="year"/>: the template's, with <paramref name="cityTargets"/>
    /// as the targets (and notes) of the lines they name; a code that is no line is refused by
    /// <see cref="AgreementContentValidator"/>. A line not named keeps the city's <paramref name="current"/> target, or
    /// for a new agreement takes the template's: issuing the same rows again says the same, even when the template's
    /// own city was one of them.
    /// </summary>
    public AgreementContentChange ChangeFor(int year, IEnumerable<TargetChange> cityTargets, AgreementContent? current)
    {
        var own = cityTargets.GroupBy(t => t.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var extras = _content.Lines.Where(l => l.IsExtra).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var targets = current is not null
            ? own.Values.Where(t => !extras.Contains(t.Code)).ToList()
            : _content.Lines.Where(l => !l.IsExtra)
                .Select(l => own.TryGetValue(l.Code, out var city) ? city : new TargetChange(l.Code, l.Target, l.Note))
                .Concat(own.Values.Where(t => _content.Lines.All(l => l.Code != t.Code)))
                .ToList();
        ExtraLineChange Extra(AgreementLine line)
        {
            var kept = current?.Lines.FirstOrDefault(l => l.IsExtra && l.Code == line.Code) ?? line;
            return own.TryGetValue(line.Code, out var city)
                ? new ExtraLineChange(line.Code, line.Name, line.MaxPoints, city.Target, city.Note)
                : new ExtraLineChange(line.Code, line.Name, line.MaxPoints, kept.Target, kept.Note);
        }

        return new AgreementContentChange
        {
            Targets = targets,
            ExtraLines = _content.Lines.Where(l => l.IsExtra).Select(Extra).ToList(),
            KeyTasks = _content.KeyTasks.Select(t => new KeyTaskChange(
                t.Code,
                t.Area,
                t.Task,
                t.ResponsibleUnit,
                current?.KeyTasks.FirstOrDefault(k => k.Code == t.Code)?.ResponsibleUnitId,
                InYear(t.DueDate, year),
                t.Milestones.Select(m => m with { DueDate = InYear(m.DueDate, year) }).ToList())).ToList(),
            Duties = _content.Duties,
            Prohibitions = _content.Prohibitions,
            Rules = _content.Rules,
        };
    }

    /// <summary>Whether two bodies say the same (targets, lines, key tasks and lists), whoever the units are.</summary>
    public static bool SameBody(AgreementContent a, AgreementContent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static IEnumerable<string> Lines(AgreementContent c) =>
            c.Lines.Select(l => string.Join('\u001f', l.Code, l.Name, l.MaxPoints, l.Target, l.Note, l.IsExtra));
        static IEnumerable<string> Tasks(AgreementContent c) => c.KeyTasks.Select(t => string.Join(
            '\u001f', t.Code, t.Area, t.Task, t.ResponsibleUnit, t.DueDate, string.Join('\u001e', t.Milestones.Select(m => $"{m.Title}\u001d{m.DueDate}"))));
        return Lines(a).SequenceEqual(Lines(b)) && Tasks(a).SequenceEqual(Tasks(b))
            && a.Duties.SequenceEqual(b.Duties) && a.Prohibitions.SequenceEqual(b.Prohibitions) && a.Rules.SequenceEqual(b.Rules);
    }

    private DateTime? InYear(DateTime? date, int year)
    {
        if (date is not { } d || year == _fromYear)
        {
            return date;
        }

        return new DateTime(year, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(year, d.Month)), 0, 0, 0, d.Kind);
    }
}
