namespace PilotAssessment.Schemes.Formulas;

/// <summary>Supplies the values of codes a formula refers to; false when the value is not reported.</summary>
public interface IFormulaVariables
{
    bool TryGet(string code, out decimal value);
}

/// <summary>
/// A node of a parsed formula. Evaluation is plain decimal arithmetic over the tree; nothing is compiled or executed as code.
/// The parser refuses trees deeper than <see cref="SchemeConsts.MaxFormulaDepth"/>, so the recursive evaluation is bounded.
/// </summary>
public abstract class FormulaNode
{
    protected FormulaNode(int position, int depth = 1)
    {
        Position = position;
        Depth = depth;
    }

    /// <summary>1-based character position in the formula text, for messages.</summary>
    public int Position { get; }

    /// <summary>Levels of the tree below and including this node (a number or code is 1).</summary>
    public int Depth { get; }

    internal virtual IEnumerable<FormulaNode> Children => [];

    public abstract decimal Evaluate(IFormulaVariables variables);

    /// <summary>Every code the formula refers to, with the position of its first use.</summary>
    public IReadOnlyDictionary<string, int> References()
    {
        // Iterative, left to right, so the first use of a code keeps its position whatever the tree's shape.
        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Stack<FormulaNode>();
        pending.Push(this);
        while (pending.TryPop(out var node))
        {
            if (node is ReferenceNode reference)
            {
                references.TryAdd(reference.Code, reference.Position);
                continue;
            }

            foreach (var child in node.Children.Reverse())
            {
                pending.Push(child);
            }
        }

        return references;
    }
}

internal sealed class NumberNode(decimal value, int position) : FormulaNode(position)
{
    public override decimal Evaluate(IFormulaVariables variables) => value;
}

internal sealed class ReferenceNode(string code, int position) : FormulaNode(position)
{
    public string Code { get; } = code;

    public override decimal Evaluate(IFormulaVariables variables) =>
        variables.TryGet(Code, out var value) ? value : throw new FormulaMissingValueException(Code, Position);
}

internal sealed class NegateNode(FormulaNode operand, int position) : FormulaNode(position, operand.Depth + 1)
{
    internal override IEnumerable<FormulaNode> Children => [operand];

    public override decimal Evaluate(IFormulaVariables variables) => -operand.Evaluate(variables);
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

internal sealed class BinaryNode(BinaryOperator op, FormulaNode left, FormulaNode right, int position)
    : FormulaNode(position, Math.Max(left.Depth, right.Depth) + 1)
{
    internal override IEnumerable<FormulaNode> Children => [left, right];

    public override decimal Evaluate(IFormulaVariables variables)
    {
        var l = left.Evaluate(variables);
        var r = right.Evaluate(variables);
        try
        {
            return op switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => r == 0m ? throw new FormulaEvaluationException(FormulaEvaluationError.DivisionByZero, Position) : l / r,
                BinaryOperator.Less => l < r ? 1m : 0m,
                BinaryOperator.LessOrEqual => l <= r ? 1m : 0m,
                BinaryOperator.Greater => l > r ? 1m : 0m,
                BinaryOperator.GreaterOrEqual => l >= r ? 1m : 0m,
                BinaryOperator.Equal => l == r ? 1m : 0m,
                BinaryOperator.NotEqual => l != r ? 1m : 0m,
                _ => throw new InvalidOperationException(op.ToString()),
            };
        }
        catch (OverflowException)
        {
            throw new FormulaEvaluationException(FormulaEvaluationError.Overflow, Position);
        }
    }
}

internal sealed class CallNode(string function, IReadOnlyList<FormulaNode> arguments, int position)
    : FormulaNode(position, arguments.Count == 0 ? 1 : arguments.Max(a => a.Depth) + 1)
{
    internal override IEnumerable<FormulaNode> Children => arguments;

    public override decimal Evaluate(IFormulaVariables variables)
    {
        switch (function)
        {
            case "if":
                // Only the branch taken is evaluated, so if(population == 0, 0, cases / population) is safe.
                return arguments[0].Evaluate(variables) != 0m ? arguments[1].Evaluate(variables) : arguments[2].Evaluate(variables);
            case "abs":
                return Math.Abs(arguments[0].Evaluate(variables));
            case "min":
            case "max":
                var result = arguments[0].Evaluate(variables);
                for (var i = 1; i < arguments.Count; i++)
                {
                    var next = arguments[i].Evaluate(variables);
                    result = function == "min" ? Math.Min(result, next) : Math.Max(result, next);
                }

                return result;
            default:
                throw new InvalidOperationException(function);
        }
    }
}

public enum FormulaEvaluationError
{
    DivisionByZero,
    Overflow,
    Cycle,
    ChainTooLong,
}

/// <summary>Arithmetic failed while scoring; the engine marks the line as Error.</summary>
public sealed class FormulaEvaluationException(FormulaEvaluationError error, int position)
    : Exception($"{error} at position {position}")
{
    public FormulaEvaluationError Error { get; } = error;

    public int Position { get; } = position;
}

/// <summary>A code the formula needs has no value; the engine marks the line as Unreported.</summary>
public sealed class FormulaMissingValueException(string code, int position)
    : Exception($"No value for {code} at position {position}")
{
    public string Code { get; } = code;

    public int Position { get; } = position;
}
