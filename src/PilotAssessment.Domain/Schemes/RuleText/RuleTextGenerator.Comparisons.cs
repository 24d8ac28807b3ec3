using System.Text.RegularExpressions;
using PilotAssessment.Schemes.Rules;
using static PilotAssessment.Schemes.Rules.RuleMath;

namespace PilotAssessment.Schemes.RuleText;

/// <summary>The comparing, ranking and judged rules in words.</summary>
public static partial class RuleTextGenerator
{
    private static (string, string) Yoy(YoyChangeRule r, Context c)
    {
        var improved = r.Improved ?? c.Max;
        var flat = r.Flat ?? c.Max;
        var (betterZh, worseZh, betterEn, worseEn) = r.Dir == BetterDirection.Lower
            ? ("下降", "上升", "down", "up")
            : ("上升", "下降", "up", "down");
        var (measureZh, measureEn, step, stepEn) = r.Measure switch
        {
            ChangeMeasure.PercentChange => ("按同比变化率：", "by the change on last year in percent: ", $"{N(r.UnitStep)}%", $"{N(r.UnitStep)}%"),
            ChangeMeasure.Difference => ("按与上年之差：", "by the difference from last year: ", Gap(r.UnitStep, c.Unit).ToString(), StepEn(r.UnitStep, c.UnitEn).ToString()),
            _ => ("按填报的同比变化：", "by the reported change on last year: ", Gap(r.UnitStep, c.Unit).ToString(), StepEn(r.UnitStep, c.UnitEn).ToString()),
        };
        var zh = new List<string>();
        var en = new List<string>();
        if (improved == flat)
        {
            zh.Add($"{measureZh}同比{betterZh}或持平得{N(flat)}分");
            en.Add($"{measureEn}{betterEn} or unchanged: {Pts(flat)}");
        }
        else
        {
            zh.Add($"{measureZh}同比{betterZh}得{N(improved)}分");
            zh.Add($"持平得{N(flat)}分");
            en.Add($"{measureEn}{betterEn}: {Pts(improved)}");
            en.Add($"unchanged: {Pts(flat)}");
        }

        zh.Add($"{worseZh}的在{N(flat)}分基础上每{worseZh}{step}扣{N(r.Per ?? 0m)}分");
        en.Add($"{worseEn}: {Pts(r.Per ?? 0m)} off the {Pts(flat)} for every {stepEn} {worseEn}");
        StepWords(r.Steps, r.UnitStep, r.Measure == ChangeMeasure.PercentChange ? "%" : c.Unit, r.Measure == ChangeMeasure.PercentChange ? "%" : c.UnitEn, zh, en);
        Limit(r.Cap, r.Floor, zh, en);
        return Join(zh, en);
    }

    private static (string, string) Reference(ReferenceComparisonRule r, Context c)
    {
        var (refZh, refEn) = r.Ref == ReferenceKind.ProvinceAverage ? ("全省平均", "the province average") : ("上年", "last year");
        var higherBetter = r.Dir == BetterDirection.Higher;
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var band in r.Bands)
        {
            var gap = Gap(Math.Abs(band.At), c.Unit);
            var gapEn = GapEn(Math.Abs(band.At), c.UnitEn);
            var (whenZh, whenEn) = (band.At, higherBetter) switch
            {
                (0, false) => ($"不高于{refZh}", $"not above {refEn}"),
                (0, true) => ($"不低于{refZh}", $"not below {refEn}"),
                ( > 0, false) => ($"高出{refZh}不超过{gap}", $"at most {gapEn} above {refEn}"),
                ( > 0, true) => ($"高出{refZh}{gap}及以上", $"at least {gapEn} above {refEn}"),
                ( < 0, false) => ($"低于{refZh}{gap}及以上", $"at least {gapEn} below {refEn}"),
                _ => ($"低于{refZh}不超过{gap}", $"at most {gapEn} below {refEn}"),
            };
            zh.Add($"{whenZh}得{N(band.Points)}分");
            en.Add($"{whenEn}: {Pts(band.Points)}");
        }

        zh.Add($"其余得{N(r.Otherwise)}分");
        en.Add($"otherwise {Pts(r.Otherwise)}");
        return Join(zh, en);
    }

    private static (string, string) Shortfall(ShortfallBandsRule r, Context c)
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (r.FullAt is not { } full)
        {
            zh.Add("满分线未设定");
            en.Add("no full-points line set");
            return Join(zh, en);
        }

        zh.Add($"≥{V(full, c.Unit)}得满分{N(c.Max)}分");
        en.Add($"≥ {VEn(full, c.UnitEn)}: full {Pts(c.Max)}");
        zh.Add($"低于{V(full, c.Unit)}的每低{Gap(r.UnitStep, c.Unit)}扣{N(r.Per ?? 0m)}分");
        en.Add($"below it, {Pts(r.Per ?? 0m)} off for every {StepEn(r.UnitStep, c.UnitEn)}");
        if (r.SteepBelow is { } steep && r.SteepPer is { } steepPer)
        {
            zh.Add($"低于{V(steep, c.Unit)}的部分每低{Gap(r.UnitStep, c.Unit)}扣{N(steepPer)}分");
            en.Add($"the part below {VEn(steep, c.UnitEn)} at {Pts(steepPer)} for every {StepEn(r.UnitStep, c.UnitEn)}");
        }

        StepWords(r.Steps, r.UnitStep, c.Unit, c.UnitEn, zh, en);
        Limit(r.Cap, r.Floor, zh, en);
        return Join(zh, en);
    }

    private static void Places(IReadOnlyList<PlacesPoints> drops, IReadOnlyList<PlacesPoints> rises, List<string> zh, List<string> en)
    {
        foreach (var drop in drops)
        {
            zh.Add($"较上年下降{drop.Places}位及以上扣{N(drop.Points)}分");
            en.Add($"dropping {RuleMath.Places(drop.Places)} or more on last year: {Pts(drop.Points)} off");
        }

        foreach (var rise in rises)
        {
            zh.Add($"较上年上升{rise.Places}位及以上加{N(rise.Points)}分，不超过分值");
            en.Add($"rising {RuleMath.Places(rise.Places)} or more on last year: {Pts(rise.Points)} added, within the maximum");
        }
    }

    private static (string, string) Rank(RankBasedRule r, Context c)
    {
        var zh = new List<string> { "全省" + string.Join("、", r.Ranks.Select(x => $"第{x.Rank}名得{N(x.Points)}分")) };
        var en = new List<string> { "by rank in the province: " + string.Join(", ", r.Ranks.Select(x => $"rank {x.Rank}: {Pts(x.Points)}")) };
        zh.Add($"其余名次得{N(r.Otherwise)}分");
        en.Add($"other ranks {Pts(r.Otherwise)}");
        Places(r.DropPenalties, r.RiseBonuses, zh, en);
        return Join(zh, en);
    }

    private static (string, string) RankChange(RankChangeRule r, Context c)
    {
        var zh = new List<string>();
        var en = new List<string>();
        decimal? previous = null;
        foreach (var band in r.DropBands)
        {
            // Bands are places dropped, best first: 0 = rising or unchanged; 4 after 0 = dropping 1 to 4 places.
            var (whenZh, whenEn) = band.At switch
            {
                0 => ("全省名次较上年上升或持平", "rank rose or unchanged on last year"),
                < 0 => ($"全省名次较上年上升{N(-band.At)}位及以上", $"rank rose {N(-band.At)} places or more on last year"),
                _ when previous is { } p && p + 1 < band.At => ($"下降{N(Math.Max(p + 1, 1))}至{N(band.At)}位", $"dropped {N(Math.Max(p + 1, 1))} to {N(band.At)} places"),
                _ => ($"下降不超过{N(band.At)}位", $"dropped at most {N(band.At)} places"),
            };
            zh.Add($"{whenZh}得{N(band.Points)}分");
            en.Add($"{whenEn}: {Pts(band.Points)}");
            previous = band.At;
        }

        if (previous is { } last)
        {
            zh.Add($"下降{N(Math.Max(last + 1, 1))}位及以上得{N(r.Otherwise)}分");
            en.Add($"dropped {N(Math.Max(last + 1, 1))} places or more: {Pts(r.Otherwise)}");
        }

        Places([], r.RiseBonuses, zh, en);
        return Join(zh, en);
    }

    private static (string, string) Qualitative(QualitativeGradeRule r, Context c)
    {
        var zh = "按评定等次计分：" + string.Join("、", r.Grades.Select(g => $"{g.Grade}{N(c.Max * g.Percent / 100m)}分（{N(g.Percent)}%）"));
        var en = "by the grade awarded: " + string.Join(", ", r.Grades.Select(g => $"{g.Grade} {Pts(c.Max * g.Percent / 100m)} ({N(g.Percent)}%)"));
        return (zh, en);
    }

    private static (string, string) Checklist(ChecklistRule r, Context c)
    {
        var zh = new List<string> { $"{string.Join("、", r.Items)}共{r.Items.Count}项齐全得满分{N(c.Max)}分", $"每缺1项扣{N(r.Per ?? 0m)}分" };
        var en = new List<string> { $"all {r.Items.Count} items present ({string.Join(", ", r.Items)}): full {Pts(c.Max)}", $"{Pts(r.Per ?? 0m)} off for each missing item" };
        Limit(r.Cap, r.Floor, zh, en);
        return Join(zh, en);
    }

    private static (string, string) Survey(SurveyCompositeRule r, Context c)
    {
        string Name(SurveyComponent component, int index, bool english) =>
            (english ? component.NameEn ?? component.Name : component.Name) ?? (english ? $"item {index + 1}" : $"第{index + 1}项");
        var zh = $"{string.Join("、", r.Components.Select((x, i) => $"{Name(x, i, false)}（权重{N(x.Weight)}）"))}加权综合；综合达到{N(r.FullAt)}%得满分{N(c.Max)}分，不足的按比例计分";
        var en = $"weighted composite of {string.Join(", ", r.Components.Select((x, i) => $"{Name(x, i, true)} (weight {N(x.Weight)})"))}; {N(r.FullAt)}% or more: full {Pts(c.Max)}, less: in proportion";
        return (zh, en);
    }
}
