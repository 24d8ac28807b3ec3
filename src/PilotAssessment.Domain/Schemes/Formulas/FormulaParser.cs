using System.Globalization;

namespace PilotAssessment.Schemes.Formulas;

/// <summary>A syntax error: a localization code, the 1-based position, and arguments after the position.</summary>
public sealed record FormulaSyntaxError(string Code, int Position, IReadOnlyList<object?> Arguments);

/// <summary>
/// Hand-written tokenizer and recursive-descent parser of the formula language:
/// numbers, + − × ÷ (also * / and full-width brackets), unary minus, parentheses, codes,
/// min(a, b, …), max(…), abs(x), if(cond, a, b), and comparisons &lt; &lt;= &gt; &gt;= == != yielding 1 or 0.
/// </summary>
public static class FormulaParser
{
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.Ordinal) { "min", "max", "abs", "if" };

    public static bool TryParse(string text, out FormulaNode? node, out FormulaSyntaxError? error)
    {
        try
        {
            node = Parse(text);
            error = null;
            return true;
        }
        catch (FormulaSyntaxException exception)
        {
            node = null;
            error = exception.Error;
            return false;
        }
    }

    /// <exception cref="FormulaSyntaxException">The text is not a formula.</exception>
    public static FormulaNode Parse(string text)
    {
        text ??= string.Empty;
        if (text.Length > SchemeConsts.MaxFormulaLength)
        {
            // Refused before tokenizing, so a huge text costs nothing.
            throw Error(SchemeErrorCodes.FormulaTooLong, SchemeConsts.MaxFormulaLength + 1, text.Length, SchemeConsts.MaxFormulaLength);
        }

        var parser = new Parser(FormulaTokenizer.Tokenize(text));
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node;
    }

    internal static FormulaSyntaxException Error(string code, int position, params object?[] arguments) =>
        new(new FormulaSyntaxError(code, position, arguments));

    /// <summary>Nesting limit, so a hostile formula cannot exhaust the stack.</summary>
    public const int MaxNesting = 64;

    private sealed class Parser(List<FormulaToken> tokens)
    {
        private int _index;
        private int _depth;
        private int _nodes;

        private FormulaToken Current => tokens[_index];

        public void ExpectEnd()
        {
            if (Current.Kind != FormulaTokenKind.End)
            {
                throw Unexpected();
            }
        }

        // comparison := additive (op additive)?
        public FormulaNode ParseExpression()
        {
            if (++_depth > MaxNesting)
            {
                throw Error(SchemeErrorCodes.FormulaTooDeep, Current.Position);
            }

            try
            {
                return ParseComparison();
            }
            finally
            {
                _depth--;
            }
        }

        private FormulaNode ParseComparison()
        {
            var left = ParseAdditive();
            if (Current.Kind == FormulaTokenKind.Operator && Current.Text is "<" or "<=" or ">" or ">=" or "==" or "!=")
            {
                var op = Current;
                _index++;
                var right = ParseAdditive();
                var kind = op.Text switch
                {
                    "<" => BinaryOperator.Less,
                    "<=" => BinaryOperator.LessOrEqual,
                    ">" => BinaryOperator.Greater,
                    ">=" => BinaryOperator.GreaterOrEqual,
                    "==" => BinaryOperator.Equal,
                    _ => BinaryOperator.NotEqual,
                };
                return Node(new BinaryNode(kind, left, right, op.Position));
            }

            return left;
        }

        // additive := term (("+" | "-") term)*
        private FormulaNode ParseAdditive() => ParseLeftAssociative(ParseTerm, ("+", BinaryOperator.Add), ("-", BinaryOperator.Subtract));

        // term := unary (("*" | "/") unary)*
        private FormulaNode ParseTerm() => ParseLeftAssociative(ParseUnary, ("*", BinaryOperator.Multiply), ("/", BinaryOperator.Divide));

        private FormulaNode ParseLeftAssociative(Func<FormulaNode> operand, (string Text, BinaryOperator Operator) first, (string Text, BinaryOperator Operator) second)
        {
            var left = operand();
            while (Current.Kind == FormulaTokenKind.Operator && (Current.Text == first.Text || Current.Text == second.Text))
            {
                var op = Current;
                _index++;
                left = Node(new BinaryNode(op.Text == first.Text ? first.Operator : second.Operator, left, operand(), op.Position));
            }

            return left;
        }

        private FormulaNode ParseUnary()
        {
            if (Current.Kind == FormulaTokenKind.Operator && Current.Text is "-" or "+")
            {
                var op = Current;
                _index++;
                if (++_depth > MaxNesting)
                {
                    throw Error(SchemeErrorCodes.FormulaTooDeep, op.Position);
                }

                var operand = ParseUnary();
                _depth--;
                return op.Text == "-" ? Node(new NegateNode(operand, op.Position)) : operand;
            }

            return ParsePrimary();
        }

        private FormulaNode ParsePrimary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case FormulaTokenKind.Number:
                    _index++;
                    return Node(new NumberNode(token.Number, token.Position));
                case FormulaTokenKind.OpenParen:
                    _index++;
                    var inner = ParseExpression();
                    Expect(FormulaTokenKind.CloseParen);
                    return inner;
                case FormulaTokenKind.Identifier:
                    _index++;
                    if (Current.Kind != FormulaTokenKind.OpenParen)
                    {
                        return Node(new ReferenceNode(token.Text, token.Position));
                    }

                    return ParseCall(token);
                default:
                    throw Unexpected();
            }
        }

        private FormulaNode ParseCall(FormulaToken name)
        {
            var function = name.Text.ToLowerInvariant();
            if (!Functions.Contains(function))
            {
                throw Error(SchemeErrorCodes.FormulaUnknownFunction, name.Position, name.Text);
            }

            _index++; // (
            var arguments = new List<FormulaNode>();
            if (Current.Kind != FormulaTokenKind.CloseParen)
            {
                arguments.Add(ParseExpression());
                while (Current.Kind == FormulaTokenKind.Comma)
                {
                    _index++;
                    arguments.Add(ParseExpression());
                }
            }

            Expect(FormulaTokenKind.CloseParen);
            var valid = function switch
            {
                "if" => arguments.Count == 3,
                "abs" => arguments.Count == 1,
                _ => arguments.Count >= 1,
            };
            if (!valid)
            {
                throw Error(SchemeErrorCodes.FormulaWrongArgumentCount, name.Position, function, arguments.Count);
            }

            return Node(new CallNode(function, arguments, name.Position));
        }

        // Every node is counted and its depth checked as it is built, so no tree beyond the limits exists.
        private FormulaNode Node(FormulaNode node)
        {
            if (++_nodes > SchemeConsts.MaxFormulaNodes || node.Depth > SchemeConsts.MaxFormulaDepth)
            {
                throw Error(SchemeErrorCodes.FormulaTooComplex, node.Position, SchemeConsts.MaxFormulaNodes, SchemeConsts.MaxFormulaDepth);
            }

            return node;
        }

        private void Expect(FormulaTokenKind kind)
        {
            if (Current.Kind != kind)
            {
                throw Unexpected();
            }

            _index++;
        }

        private FormulaSyntaxException Unexpected() =>
            Current.Kind == FormulaTokenKind.End
                ? Error(SchemeErrorCodes.FormulaUnexpectedEnd, Current.Position)
                : Error(SchemeErrorCodes.FormulaUnexpectedToken, Current.Position, Current.Text);
    }
}

public sealed class FormulaSyntaxException(FormulaSyntaxError error)
    : Exception($"{error.Code} at position {error.Position}")
{
    public FormulaSyntaxError Error { get; } = error;
}
