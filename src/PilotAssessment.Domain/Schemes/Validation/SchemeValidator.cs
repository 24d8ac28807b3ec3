using System.Globalization;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.RuleText;

namespace PilotAssessment.Schemes.Validation;

/// <summary>
/// Checks a scheme on save and on publish: points add up to the scale, codes are unique, the tree is at
/// most three levels deep, every rule's parameters are complete and ordered, formulas parse, refer only to
/// known codes and have no cycles, and grade, colour and veto settings are consistent. Returns every problem.
/// </summary>
public sealed partial class SchemeValidator
{
    public IReadOnlyList<SchemeProblem> Validate(SchemeDefinition definition, int scale)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<SchemeProblem>();
        void Add(string target, string code, params object?[] arguments) => problems.Add(new SchemeProblem(target, code, arguments));

        if (!SchemeConsts.AllowedScales.Contains(scale))
        {
            Add(SchemeProblem.SchemeTarget, SchemeErrorCodes.InvalidScale, scale, string.Join("/", SchemeConsts.AllowedScales));
        }

        // Categories and indicators share one code space so a formula reference is never ambiguous;
        // data items join it because formulas refer to both.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        void CheckCode(string? code, string fallbackTarget)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Add(fallbackTarget, SchemeErrorCodes.CodeRequired);
            }
            else if (code.Length > SchemeConsts.MaxCodeLength)
            {
                Add(code, SchemeErrorCodes.CodeTooLong, code, SchemeConsts.MaxCodeLength);
            }
            else if (!codes.Add(code))
            {
                Add(code, SchemeErrorCodes.DuplicateCode, code);
            }
        }

        var indicators = new List<IndicatorDefinition>();
        void Walk(CategoryDefinition category, int depth)
        {
            CheckCode(category.Code, SchemeProblem.SchemeTarget);
            var target = category.Code ?? SchemeProblem.SchemeTarget;
            if (string.IsNullOrWhiteSpace(category.Name))
            {
                Add(target, SchemeErrorCodes.NameMissing, category.Code);
            }

            if (depth > SchemeConsts.MaxCategoryDepth)
            {
                Add(target, SchemeErrorCodes.CategoryTooDeep, depth, SchemeConsts.MaxCategoryDepth);
            }

            if (category.Indicators.Count == 0 && category.Children.Count == 0)
            {
                Add(target, SchemeErrorCodes.CategoryEmpty, category.Code);
            }

            foreach (var indicator in category.Indicators)
            {
                CheckCode(indicator.Code, target);
                indicators.Add(indicator);
            }

            foreach (var child in category.Children)
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var category in definition.Categories)
        {
            Walk(category, 1);
        }

        foreach (var item in definition.DataItems)
        {
            CheckCode(item.Code, SchemeProblem.SchemeTarget);
        }

        if (indicators.Count == 0)
        {
            Add(SchemeProblem.SchemeTarget, SchemeErrorCodes.NoIndicators);
        }

        foreach (var indicator in indicators)
        {
            var target = indicator.Code ?? SchemeProblem.SchemeTarget;
            if (string.IsNullOrWhiteSpace(indicator.Name))
            {
                Add(target, SchemeErrorCodes.NameMissing, indicator.Code);
            }

            if (indicator.MaxPoints <= 0)
            {
                Add(target, SchemeErrorCodes.MaxPointsNotPositive, indicator.MaxPoints);
            }

            if (indicator.Rule is null)
            {
                Add(target, SchemeErrorCodes.RuleMissing);
            }
            else
            {
                indicator.Rule.Validate(new RuleValidation(target, indicator.MaxPoints, problems, indicator.Target));
                ValidateRuleText(definition, indicator, target, Add);
            }

            ValidateOccurrenceSource(indicator, target, Add);
            ValidateBounds(indicator, target, Add);
        }

        var sum = indicators.Sum(i => i.MaxPoints);
        if (sum != scale)
        {
            Add(SchemeProblem.SchemeTarget, SchemeErrorCodes.PointsDoNotAddUp, sum, scale);
        }

        ValidateFormulas(definition, indicators, Add);
        ValidateBonus(definition.Bonus, Add);
        ValidateGrades(definition, scale, Add);
        ValidateVetoes(definition, Add);

        if (definition.Rounding.Decimals is < 0 or > 6)
        {
            Add(SchemeProblem.SchemeTarget, SchemeErrorCodes.RoundingInvalid, definition.Rounding.Decimals);
        }

        return problems;
    }

    /// <summary>The official's wording states numbers the rule no longer has (the rule was edited, the text was not).</summary>
    private static void ValidateRuleText(SchemeDefinition definition, IndicatorDefinition indicator, string target, AddProblem add)
    {
        var stale = RuleTextComparison.Check(indicator, definition).StaleNumbers;
        if (stale.Count > 0)
        {
            add(target, SchemeErrorCodes.RuleTextDisagrees, string.Join("、", stale.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private delegate void AddProblem(string target, string code, params object?[] arguments);

    private static void ValidateBonus(BonusDefinition bonus, AddProblem add)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in bonus.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Code))
            {
                add(SchemeProblem.SchemeTarget, SchemeErrorCodes.CodeRequired);
                continue;
            }

            if (!codes.Add(item.Code))
            {
                add(item.Code, SchemeErrorCodes.DuplicateCode, item.Code);
            }

            if (string.IsNullOrWhiteSpace(item.Name))
            {
                add(item.Code, SchemeErrorCodes.NameMissing, item.Code);
            }

            if (item.PointsPerInstance <= 0)
            {
                add(item.Code, SchemeErrorCodes.ParameterNotPositive, "points_per_instance", item.PointsPerInstance);
            }

            if (item.Cap < 0)
            {
                add(item.Code, SchemeErrorCodes.ParameterNegative, "cap", item.Cap);
            }
        }

        if (bonus.TotalCap < 0)
        {
            add(SchemeProblem.SchemeTarget, SchemeErrorCodes.ParameterNegative, "bonus.total_cap", bonus.TotalCap);
        }
    }

    private static void ValidateGrades(SchemeDefinition definition, int scale, AddProblem add)
    {
        const string gradesTarget = "grades";
        if (definition.Grades.Count == 0)
        {
            add(gradesTarget, SchemeErrorCodes.GradeBandsInvalid, 0);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Grades.Count; i++)
        {
            var grade = definition.Grades[i];
            var invalid = string.IsNullOrWhiteSpace(grade.Name) || !names.Add(grade.Name) || grade.MinScore < 0 || grade.MinScore > scale
                          || (i > 0 && grade.MinScore >= definition.Grades[i - 1].MinScore);
            if (invalid)
            {
                add(gradesTarget, SchemeErrorCodes.GradeBandsInvalid, i);
            }
        }

        const string coloursTarget = "colours";
        for (var i = 0; i < definition.Colours.Count; i++)
        {
            var colour = definition.Colours[i];
            var invalid = string.IsNullOrWhiteSpace(colour.Name) || colour.MinPercent is < 0 or > 100
                          || (i > 0 && colour.MinPercent >= definition.Colours[i - 1].MinPercent);
            if (invalid)
            {
                add(coloursTarget, SchemeErrorCodes.ColourBandsInvalid, i);
            }
        }
    }

    private static void ValidateVetoes(SchemeDefinition definition, AddProblem add)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        bool KnownGrade(string name) => definition.Grades.Any(g => g.Name == name || g.Key == name);
        foreach (var veto in definition.Vetoes)
        {
            if (string.IsNullOrWhiteSpace(veto.Code))
            {
                add(SchemeProblem.SchemeTarget, SchemeErrorCodes.CodeRequired);
                continue;
            }

            if (!codes.Add(veto.Code))
            {
                add(veto.Code, SchemeErrorCodes.DuplicateCode, veto.Code);
            }

            if (string.IsNullOrWhiteSpace(veto.Name))
            {
                add(veto.Code, SchemeErrorCodes.NameMissing, veto.Code);
            }

            if (string.IsNullOrWhiteSpace(veto.TriggerFact))
            {
                add(veto.Code, SchemeErrorCodes.VetoTriggerMissing);
            }

            switch (veto.Consequence)
            {
                case null:
                    add(veto.Code, SchemeErrorCodes.VetoConsequenceMissing);
                    break;
                case FixedDeductionConsequence { Points: <= 0 } deduction:
                    add(veto.Code, SchemeErrorCodes.ParameterNotPositive, "points", deduction.Points);
                    break;
                case GradeCapConsequence cap when !KnownGrade(cap.MaxGrade):
                    add(veto.Code, SchemeErrorCodes.UnknownGrade, cap.MaxGrade);
                    break;
                case GradeSetConsequence set when !KnownGrade(set.Grade):
                    add(veto.Code, SchemeErrorCodes.UnknownGrade, set.Grade);
                    break;
            }
        }
    }
}
