namespace PilotAssessment.Schemes.Formulas;

/// <summary>Supplies the values of codes a formula refers to; false when the value is not reported.</summary>
public interface IFormulaVariables
{
    bool TryGet(string code, out decimal value);
}

/// <summary>A node of a parsed formula. Evaluation is plain decimal arithmetic over the tree; nothing is compiled or executed as code.</summary>
public abstract class FormulaNode
{
    protected FormulaNode(int position)
    {
        Position = position;
    }

    /// <summary>1-based character position in the formula text, for messages.</summary>
    public int Position { get; }

    public abstract decimal Evaluate(IFormulaVariables variables);

    /// <summary>Every code the formula refers to, with the position of its first use.</summary>
    public IReadOnlyDictionary<string, int> References()
    {
        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        CollectReferences(references);
        return references;
    }

    internal abstract void CollectReferences(Dictionary<string, int> references);
}

internal sealed class NumberNode(decimal value, int position) : FormulaNode(position)
{
    public override decimal Evaluate(IFormulaVariables variables) => value;

    internal override void CollectReferences(Dictionary<string, int> references)
    {
    }
}

internal sealed class ReferenceNode(string code, int position) : FormulaNode(position)
{
    public override decimal Evaluate(IFormulaVariables variables) =>
        variables.TryGet(code, out var value) ? value : throw new FormulaMissingValueException(code, Position);

    internal override void CollectReferences(Dictionary<string, int> references) => references.TryAdd(code, Position);
}

internal sealed class NegateNode(FormulaNode operand, int position) : FormulaNode(position)
{
    public override decimal Evaluate(IFormulaVariables variables) => -operand.Evaluate(variables);

    internal override void CollectReferences(Dictionary<string, int> references) => operand.CollectReferences(references);
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

internal sealed class BinaryNode(BinaryOperator op, FormulaNode left, FormulaNode right, int position) : FormulaNode(position)
{
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

    internal override void CollectReferences(Dictionary<string, int> references)
    {
        left.CollectReferences(references);
        right.CollectReferences(references);
    }
}

internal sealed class CallNode(string function, IReadOnlyList<FormulaNode> arguments, int position) : FormulaNode(position)
{
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

    internal override void CollectReferences(Dictionary<string, int> references)
    {
        foreach (var argument in arguments)
        {
            argument.CollectReferences(references);
        }
    }
}

public enum FormulaEvaluationError
{
    DivisionByZero,
    Overflow,
    Cycle,
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
