using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Honours;

/// <summary>
/// An honour of a scheme series (the versions and years of a scheme sharing its name), owned by the province: e.g.
/// 平安鼎 for 优秀 in three consecutive annual periods, or one star (星级) for every two 优秀 years. Awarded when an annual
/// period of the series becomes final, re-evaluated when a retroactive veto changes a city's result.
/// </summary>
public class HonourRule : FullAuditedAggregateRoot
{
    private HonourRule()
    {
        Name = SeriesName = Grade = string.Empty;
    }

    public HonourRule(Guid id, string seriesName, string name, string? nameEn, HonourRuleKind kind, string grade, int count, bool vetoBreaksRun)
        : base(id)
    {
        Name = SeriesName = Grade = string.Empty;
        Change(seriesName, name, nameEn, kind, grade, count, vetoBreaksRun);
    }

    /// <summary>The name the schemes of the series share (a new version or year of a scheme keeps its name).</summary>
    public string SeriesName { get; private set; }

    /// <summary>The honour's name, e.g. 平安鼎.</summary>
    public string Name { get; private set; }

    public string? NameEn { get; private set; }

    public HonourRuleKind Kind { get; private set; }

    /// <summary>The grade an annual period must have (the scheme's grade name, e.g. 优秀).</summary>
    public string Grade { get; private set; }

    /// <summary>N: consecutive periods for <see cref="HonourRuleKind.ConsecutiveGrade"/>, periods per star for <see cref="HonourRuleKind.GradeCount"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Whether a year with a veto (一票否决) does not count even with the grade (and so breaks a run).</summary>
    public bool VetoBreaksRun { get; private set; }

    /// <exception cref="BusinessException">A missing name, series or grade, or N outside 1–20 (400 on the field).</exception>
    public void Change(string seriesName, string name, string? nameEn, HonourRuleKind kind, string grade, int count, bool vetoBreaksRun)
    {
        var series = Required(seriesName, HonourConsts.MaxSeriesLength, "seriesName", HonourErrorCodes.SeriesRequired);
        var trimmed = Required(name, HonourConsts.MaxNameLength, "name", HonourErrorCodes.NameRequired);
        var english = nameEn?.Trim() ?? string.Empty;
        if (english.Length > HonourConsts.MaxNameLength)
        {
            throw new BusinessException(HonourErrorCodes.NameRequired, HonourConsts.MaxNameLength)
                .WithError("nameEn", HonourErrorCodes.NameRequired, HonourConsts.MaxNameLength);
        }

        var gradeName = Required(grade, HonourConsts.MaxGradeLength, "grade", HonourErrorCodes.GradeRequired);
        if (count < 1 || count > HonourConsts.MaxCount)
        {
            throw new BusinessException(HonourErrorCodes.InvalidCount, HonourConsts.MaxCount)
                .WithError("count", HonourErrorCodes.InvalidCount, HonourConsts.MaxCount);
        }

        if (!Enum.IsDefined(kind))
        {
            throw new BusinessException(HonourErrorCodes.InvalidKind).WithError("kind", HonourErrorCodes.InvalidKind);
        }

        SeriesName = series;
        Name = trimmed;
        NameEn = english.Length == 0 ? null : english;
        Kind = kind;
        Grade = gradeName;
        Count = count;
        VetoBreaksRun = vetoBreaksRun;
    }

    /// <summary>Whether a city's result of one annual period counts towards the honour.</summary>
    public bool Counts(AnnualOutcome outcome) =>
        !outcome.NotAssessed && outcome.Grade == Grade && !(outcome.Vetoed && VetoBreaksRun);

    private static string Required(string? value, int maxLength, string field, string code)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > maxLength)
        {
            throw new BusinessException(code, maxLength).WithError(field, code, maxLength);
        }

        return trimmed;
    }
}
