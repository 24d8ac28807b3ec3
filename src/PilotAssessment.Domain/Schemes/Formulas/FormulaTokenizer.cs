using System.Globalization;

namespace PilotAssessment.Schemes.Formulas;

internal enum FormulaTokenKind
{
    Number,
    Identifier,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

internal readonly record struct FormulaToken(FormulaTokenKind Kind, string Text, int Position, decimal Number = 0m);

/// <summary>Splits a formula into tokens, positions 1-based; an unknown character or a malformed number is a <see cref="FormulaSyntaxException"/>.</summary>
internal static class FormulaTokenizer
{
    public static List<FormulaToken> Tokenize(string text)
    {
        var tokens = new List<FormulaToken>();
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
                    throw FormulaParser.Error(SchemeErrorCodes.FormulaBadNumber, position, literal);
                }

                tokens.Add(new FormulaToken(FormulaTokenKind.Number, literal, position, number));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new FormulaToken(FormulaTokenKind.Identifier, text[start..i], position));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
            if (two is "<=" or ">=" or "==" or "!=")
            {
                tokens.Add(new FormulaToken(FormulaTokenKind.Operator, two, position));
                i += 2;
                continue;
            }

            var token = c switch
            {
                '+' or '-' or '<' or '>' => new FormulaToken(FormulaTokenKind.Operator, c.ToString(), position),
                '−' => new FormulaToken(FormulaTokenKind.Operator, "-", position),
                '*' or '×' => new FormulaToken(FormulaTokenKind.Operator, "*", position),
                '/' or '÷' => new FormulaToken(FormulaTokenKind.Operator, "/", position),
                '(' or '（' => new FormulaToken(FormulaTokenKind.OpenParen, "(", position),
                ')' or '）' => new FormulaToken(FormulaTokenKind.CloseParen, ")", position),
                ',' or '，' => new FormulaToken(FormulaTokenKind.Comma, ",", position),
                _ => throw FormulaParser.Error(SchemeErrorCodes.FormulaUnexpectedCharacter, position, c.ToString()),
            };
            tokens.Add(token);
            i++;
        }

        tokens.Add(new FormulaToken(FormulaTokenKind.End, string.Empty, text.Length + 1));
        return tokens;
    }
}
