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

        var parser = new Parser(Tokenize(text));
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node;
    }

    private enum TokenKind
    {
        Number,
        Identifier,
        Operator,
        OpenParen,
        CloseParen,
        Comma,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0m);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var literal = text[start..i];
                if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error(SchemeErrorCodes.FormulaBadNumber, position, literal);
                }

                tokens.Add(new Token(TokenKind.Number, literal, position, number));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], position));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
            if (two is "<=" or ">=" or "==" or "!=")
            {
                tokens.Add(new Token(TokenKind.Operator, two, position));
                i += 2;
                continue;
            }

            var token = c switch
            {
                '+' or '-' or '<' or '>' => new Token(TokenKind.Operator, c.ToString(), position),
                '−' => new Token(TokenKind.Operator, "-", position),
                '*' or '×' => new Token(TokenKind.Operator, "*", position),
                '/' or '÷' => new Token(TokenKind.Operator, "/", position),
                '(' or '（' => new Token(TokenKind.OpenParen, "(", position),
                ')' or '）' => new Token(TokenKind.CloseParen, ")", position),
                ',' or '，' => new Token(TokenKind.Comma, ",", position),
                _ => throw Error(SchemeErrorCodes.FormulaUnexpectedCharacter, position, c.ToString()),
            };
            tokens.Add(token);
            i++;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
        return tokens;
    }

    private static FormulaSyntaxException Error(string code, int position, params object?[] arguments) =>
        new(new FormulaSyntaxError(code, position, arguments));

    /// <summary>Nesting limit, so a hostile formula cannot exhaust the stack.</summary>
    public const int MaxNesting = 64;

    private sealed class Parser(List<Token> tokens)
    {
        private int _index;
        private int _depth;
        private int _nodes;

        private Token Current => tokens[_index];

        public void ExpectEnd()
        {
            if (Current.Kind != TokenKind.End)
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
            if (Current.Kind == TokenKind.Operator && Current.Text is "<" or "<=" or ">" or ">=" or "==" or "!=")
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
            while (Current.Kind == TokenKind.Operator && (Current.Text == first.Text || Current.Text == second.Text))
            {
                var op = Current;
                _index++;
                left = Node(new BinaryNode(op.Text == first.Text ? first.Operator : second.Operator, left, operand(), op.Position));
            }

            return left;
        }

        private FormulaNode ParseUnary()
        {
            if (Current.Kind == TokenKind.Operator && Current.Text is "-" or "+")
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
                case TokenKind.Number:
                    _index++;
                    return Node(new NumberNode(token.Number, token.Position));
                case TokenKind.OpenParen:
                    _index++;
                    var inner = ParseExpression();
                    Expect(TokenKind.CloseParen);
                    return inner;
                case TokenKind.Identifier:
                    _index++;
                    if (Current.Kind != TokenKind.OpenParen)
                    {
                        return Node(new ReferenceNode(token.Text, token.Position));
                    }

                    return ParseCall(token);
                default:
                    throw Unexpected();
            }
        }

        private FormulaNode ParseCall(Token name)
        {
            var function = name.Text.ToLowerInvariant();
            if (!Functions.Contains(function))
            {
                throw Error(SchemeErrorCodes.FormulaUnknownFunction, name.Position, name.Text);
            }

            _index++; // (
            var arguments = new List<FormulaNode>();
            if (Current.Kind != TokenKind.CloseParen)
            {
                arguments.Add(ParseExpression());
                while (Current.Kind == TokenKind.Comma)
                {
                    _index++;
                    arguments.Add(ParseExpression());
                }
            }

            Expect(TokenKind.CloseParen);
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

        private void Expect(TokenKind kind)
        {
            if (Current.Kind != kind)
            {
                throw Unexpected();
            }

            _index++;
        }

        private FormulaSyntaxException Unexpected() =>
            Current.Kind == TokenKind.End
                ? Error(SchemeErrorCodes.FormulaUnexpectedEnd, Current.Position)
                : Error(SchemeErrorCodes.FormulaUnexpectedToken, Current.Position, Current.Text);
    }
}

public sealed class FormulaSyntaxException(FormulaSyntaxError error)
    : Exception($"{error.Code} at position {error.Position}")
{
    public FormulaSyntaxError Error { get; } = error;
}
