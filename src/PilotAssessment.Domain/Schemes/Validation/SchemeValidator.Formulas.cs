using PilotAssessment.Schemes.Formulas;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Validation;

/// <summary>The formulas of a scheme: they parse, refer only to known codes and have no cycles.</summary>
public sealed partial class SchemeValidator
{
    private static void ValidateFormulas(SchemeDefinition definition, List<IndicatorDefinition> indicators, AddProblem add)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            known.Add(indicator.Code);
        }

        foreach (var item in definition.DataItems)
        {
            known.Add(item.Code);
        }

        // Value formulas define a code, so they can form cycles; a rule's points formula cannot be referred to.
        var dependencies = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        void Check(string target, string? text, bool isRule, string? defines)
        {
            if (text is null)
            {
                return;
            }

            if (!FormulaParser.TryParse(text, out var node, out var error))
            {
                add(target, error!.Code, [error.Position, .. error.Arguments]);
                return;
            }

            var references = node!.References();
            foreach (var (code, position) in references)
            {
                if (!known.Contains(code) && !(isRule && FormulaRule.ReservedNames.Contains(code)))
                {
                    add(target, SchemeErrorCodes.FormulaUnknownCode, code, position);
                }
            }

            if (defines is not null)
            {
                dependencies[defines] = references.Keys.ToList();
            }
        }

        foreach (var indicator in indicators)
        {
            if (indicator.Formula is not null)
            {
                Check(indicator.Code, indicator.Formula, isRule: false, defines: indicator.Code);
            }

            if (indicator.Rule is FormulaRule rule && !string.IsNullOrWhiteSpace(rule.Expression))
            {
                Check(indicator.Code, rule.Expression, isRule: true, defines: null);
            }
        }

        foreach (var item in definition.DataItems)
        {
            if (item.Formula is not null)
            {
                Check(item.Code, item.Formula, isRule: false, defines: item.Code);
            }
        }

        foreach (var veto in definition.Vetoes)
        {
            if (!string.IsNullOrWhiteSpace(veto.Condition))
            {
                Check(veto.Code, veto.Condition, isRule: false, defines: null);
            }
        }

        foreach (var cycle in FindCycles(dependencies))
        {
            add(cycle[0], SchemeErrorCodes.FormulaCycle, string.Join(" → ", cycle));
        }
    }

    /// <summary>Depth-first search; each cycle is reported once, starting from its first code in definition order.</summary>
    private static List<List<string>> FindCycles(Dictionary<string, IReadOnlyCollection<string>> dependencies)
    {
        var cycles = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        // Iterative, with an explicit stack, so a long chain of formulas cannot exhaust the thread's stack.
        var stack = new Stack<IEnumerator<string>>();
        void Enter(string code)
        {
            if (done.Contains(code) || !dependencies.TryGetValue(code, out var next))
            {
                return;
            }

            path.Add(code);
            onPath.Add(code);
            stack.Push(next.GetEnumerator());
        }

        foreach (var start in dependencies.Keys)
        {
            Enter(start);
            while (stack.TryPeek(out var dependenciesLeft))
            {
                if (dependenciesLeft.MoveNext())
                {
                    var dependency = dependenciesLeft.Current;
                    if (onPath.Contains(dependency))
                    {
                        cycles.Add([.. path.Skip(path.IndexOf(dependency)), dependency]);
                    }
                    else
                    {
                        Enter(dependency);
                    }

                    continue;
                }

                stack.Pop().Dispose();
                var code = path[^1];
                onPath.Remove(code);
                path.RemoveAt(path.Count - 1);
                done.Add(code);
            }
        }

        return cycles;
    }
}
