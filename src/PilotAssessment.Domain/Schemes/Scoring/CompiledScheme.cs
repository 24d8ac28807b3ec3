using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Scoring;

/// <summary>A definition prepared for scoring: flat indicator list, category line indexes, parsed formulas.</summary>
internal sealed class CompiledScheme
{
    public CompiledScheme(SchemeDefinition definition)
    {
        var indicators = new List<CompiledIndicator>();
        var categories = new List<CompiledCategory>();
        foreach (var category in definition.Categories)
        {
            Add(category, null, 1, indicators, categories);
        }

        Indicators = [.. indicators];
        Categories = [.. categories];
        MaxPoints = Indicators.Sum(i => i.Definition.MaxPoints);
        IndicatorIndex = new Dictionary<string, CompiledIndicator>(StringComparer.Ordinal);
        foreach (var indicator in Indicators)
        {
            IndicatorIndex.TryAdd(indicator.Definition.Code, indicator);
        }

        DataItems = new Dictionary<string, (DataItemDefinition, FormulaNode?, BilingualText?)>(StringComparer.Ordinal);
        foreach (var item in definition.DataItems)
        {
            FormulaNode? node = null;
            BilingualText? problem = null;
            if (!string.IsNullOrWhiteSpace(item.Formula))
            {
                problem = TryParse(item.Formula, out node);
            }

            DataItems.TryAdd(item.Code, (item, node, problem));
        }

        VetoConditions = new Dictionary<string, FormulaNode>(StringComparer.Ordinal);
        foreach (var veto in definition.Vetoes)
        {
            if (!string.IsNullOrWhiteSpace(veto.Condition) && FormulaParser.TryParse(veto.Condition, out var node, out _))
            {
                VetoConditions.TryAdd(veto.Code, node!);
            }
        }
    }

    /// <summary>Parsed veto conditions by veto code (the validator reports the ones that do not parse).</summary>
    public Dictionary<string, FormulaNode> VetoConditions { get; }

    public CompiledIndicator[] Indicators { get; }

    public CompiledCategory[] Categories { get; }

    public decimal MaxPoints { get; }

    public Dictionary<string, CompiledIndicator> IndicatorIndex { get; }

    public Dictionary<string, (DataItemDefinition Definition, FormulaNode? Formula, BilingualText? Problem)> DataItems { get; }

    private static List<int> Add(CategoryDefinition category, string? parentCode, int depth, List<CompiledIndicator> indicators, List<CompiledCategory> categories)
    {
        var lineIndexes = new List<int>();
        var compiled = new CompiledCategory(category, parentCode, depth, lineIndexes);
        categories.Add(compiled);
        foreach (var indicator in category.Indicators)
        {
            lineIndexes.Add(indicators.Count);
            indicators.Add(Compile(indicator, category.Code));
        }

        foreach (var child in category.Children)
        {
            lineIndexes.AddRange(Add(child, category.Code, depth + 1, indicators, categories));
        }

        compiled.MaxPoints = lineIndexes.Sum(i => indicators[i].Definition.MaxPoints);
        return lineIndexes;
    }

    private static CompiledIndicator Compile(IndicatorDefinition indicator, string categoryCode)
    {
        FormulaNode? valueFormula = null;
        FormulaNode? ruleFormula = null;
        BilingualText? problem = null;
        if (!string.IsNullOrWhiteSpace(indicator.Formula))
        {
            problem = TryParse(indicator.Formula, out valueFormula);
        }

        if (problem is null && indicator.Rule is FormulaRule rule)
        {
            problem = TryParse(rule.Expression, out ruleFormula);
        }

        return new CompiledIndicator(indicator, categoryCode, valueFormula, ruleFormula, problem);
    }

    private static BilingualText? TryParse(string text, out FormulaNode? node)
    {
        if (FormulaParser.TryParse(text, out node, out var error))
        {
            return null;
        }

        return new BilingualText($"公式“{text}”第{error!.Position}个字符处有语法错误", $"formula \"{text}\" has a syntax error at position {error.Position}");
    }
}

internal sealed record CompiledIndicator(
    IndicatorDefinition Definition,
    string CategoryCode,
    FormulaNode? ValueFormula,
    FormulaNode? RuleFormula,
    BilingualText? Problem);

internal sealed class CompiledCategory(CategoryDefinition definition, string? parentCode, int depth, List<int> lineIndexes)
{
    public CategoryDefinition Definition { get; } = definition;

    public string? ParentCode { get; } = parentCode;

    public int Depth { get; } = depth;

    /// <summary>Lines of this category and all its sub-categories.</summary>
    public List<int> LineIndexes { get; } = lineIndexes;

    public decimal MaxPoints { get; set; }
}

/// <summary>Resolves codes for one city: reported data items, then formulas, memoised, guarding against cycles.</summary>
internal sealed class CityScope(CompiledScheme scheme, CityPeriodValues values) : IFormulaVariables
{
    private Dictionary<string, decimal>? _computed;
    private HashSet<string>? _inProgress;

    public bool TryGet(string code, out decimal value)
    {
        if (scheme.DataItems.TryGetValue(code, out var item))
        {
            if (item.Formula is null)
            {
                return values.DataItems.TryGetValue(code, out value);
            }

            value = Evaluate(code);
            return true;
        }

        if (scheme.IndicatorIndex.TryGetValue(code, out var indicator))
        {
            if (indicator.ValueFormula is null)
            {
                if (values.Indicators.TryGetValue(code, out var reported) && reported.Number is { } number)
                {
                    value = number;
                    return true;
                }

                value = 0m;
                return false;
            }

            value = Evaluate(code);
            return true;
        }

        // Reported data items that the scheme does not declare are still usable.
        return values.DataItems.TryGetValue(code, out value);
    }

    /// <summary>Evaluates the formula that defines <paramref name="code"/>.</summary>
    public decimal Evaluate(string code)
    {
        _computed ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (_computed.TryGetValue(code, out var known))
        {
            return known;
        }

        _inProgress ??= new HashSet<string>(StringComparer.Ordinal);
        if (_inProgress.Count >= SchemeConsts.MaxFormulaChain)
        {
            // Each formula of the chain is evaluated inside the one that uses it; the chain bounds the stack.
            throw new FormulaEvaluationException(FormulaEvaluationError.ChainTooLong, 1);
        }

        if (!_inProgress.Add(code))
        {
            throw new FormulaEvaluationException(FormulaEvaluationError.Cycle, 1);
        }

        try
        {
            var formula = scheme.DataItems.TryGetValue(code, out var item) ? item.Formula : scheme.IndicatorIndex[code].ValueFormula;
            if (formula is null)
            {
                throw new FormulaMissingValueException(code, 1);
            }

            var value = formula.Evaluate(this);
            _computed[code] = value;
            return value;
        }
        finally
        {
            _inProgress.Remove(code);
        }
    }
}
