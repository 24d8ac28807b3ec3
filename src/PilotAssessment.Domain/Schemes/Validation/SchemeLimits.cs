using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Validation;

/// <summary>
/// The hard limits of a definition, checked before it is stored even as a draft: a draft may be incomplete,
/// but no formula may be longer, larger or deeper than the parser accepts, so nothing stored can exhaust the server.
/// </summary>
public static class SchemeLimits
{
    private static readonly HashSet<string> LimitCodes = new(StringComparer.Ordinal)
    {
        SchemeErrorCodes.FormulaTooLong,
        SchemeErrorCodes.FormulaTooComplex,
        SchemeErrorCodes.FormulaTooDeep,
    };

    public static IReadOnlyList<SchemeProblem> Check(SchemeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<SchemeProblem>();
        foreach (var (target, text) in Formulas(definition))
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (!FormulaParser.TryParse(text, out _, out var error) && LimitCodes.Contains(error!.Code))
            {
                problems.Add(new SchemeProblem(target, error.Code, [error.Position, .. error.Arguments]));
            }
        }

        return problems;
    }

    /// <exception cref="SchemeInvalidException">A formula is beyond the limits.</exception>
    public static void Ensure(SchemeDefinition definition)
    {
        var problems = Check(definition);
        if (problems.Count > 0)
        {
            throw new SchemeInvalidException(problems);
        }
    }

    private static IEnumerable<(string Target, string? Text)> Formulas(SchemeDefinition definition)
    {
        var categories = new Stack<CategoryDefinition>(definition.Categories);
        while (categories.TryPop(out var category))
        {
            foreach (var indicator in category.Indicators)
            {
                var target = indicator.Code ?? SchemeProblem.SchemeTarget;
                yield return (target, indicator.Formula);
                if (indicator.Rule is FormulaRule rule)
                {
                    yield return (target, rule.Expression);
                }
            }

            foreach (var child in category.Children)
            {
                categories.Push(child);
            }
        }

        foreach (var item in definition.DataItems)
        {
            yield return (item.Code ?? SchemeProblem.SchemeTarget, item.Formula);
        }

        foreach (var veto in definition.Vetoes)
        {
            yield return (veto.Code ?? SchemeProblem.SchemeTarget, veto.Condition);
        }
    }
}
