using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>The cell formats and the data validations (dropdowns, whole counts) of the entry template.</summary>
public static class EntryXlsxStyles
{
    /// <summary>Bold on blue-grey, locked.</summary>
    public const uint Header = 1;

    /// <summary>Code, name, rule, state: locked, wrapped.</summary>
    public const uint Info = 2;

    /// <summary>An input of the line's rule: unlocked, pale yellow.</summary>
    public const uint Input = 3;

    /// <summary>Not for the user to type here: locked, grey.</summary>
    public const uint ReadOnly = 4;

    /// <summary>A title of the 说明 sheet.</summary>
    public const uint Title = 5;

    /// <summary>Excel's limit of a list written into the validation itself.</summary>
    private const int MaxListLength = 255;

    /// <summary>Excel's limit of a validation's prompt.</summary>
    private const int MaxPromptLength = 255;

    public static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "等线" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFEDEDED"),
            Solid("FFFFF7D6"))
        { Count = 5 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            Format(font: 1, fill: 2, locked: true),
            Format(font: 0, fill: 0, locked: true),
            Format(font: 0, fill: 4, locked: false),
            Format(font: 0, fill: 3, locked: true),
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>
    /// The dropdowns and checks of one editable row: the grades (only those), the checklist items, occurrence types and
    /// doubling flags offered as a list to pick from (several may be joined with |), counts as whole numbers of at least 0.
    /// </summary>
    public static IEnumerable<DataValidation> Validations(IndicatorDefinition indicator, uint row, IReadOnlySet<string> inputs, EntryXlsxTexts texts)
    {
        switch (indicator.Rule)
        {
            case QualitativeGradeRule grade when inputs.Contains("G"):
                if (List($"G{row}", grade.Grades.Select(g => g.Grade).ToList(), strict: true, texts, "DataEntry:XlsxPrompt:Grade") is { } grades)
                {
                    yield return grades;
                }

                break;
            case ChecklistRule checklist when inputs.Contains("H"):
                if (List($"H{row}", checklist.Items, strict: false, texts, "DataEntry:XlsxPrompt:Checklist") is { } items)
                {
                    yield return items;
                }

                break;
            case PerOccurrenceDeductionRule deduction:
                if (inputs.Contains("F"))
                {
                    yield return WholeCount($"F{row}", texts);
                }

                var types = deduction.Rates.Select(r => EntryXlsxTexts.TypeName(indicator, r.Type) + ":").ToList();
                if (types.Count > 0 && List($"J{row}", types, strict: false, texts, "DataEntry:XlsxPrompt:Types") is { } typed)
                {
                    yield return typed;
                }

                var names = deduction.Rates.Select(r => EntryXlsxTexts.TypeName(indicator, r.Type)).ToList();
                for (var i = 0; i < names.Count; i++)
                {
                    if (inputs.Contains(EntryXlsxTypedCounts.TypeColumn(i))
                        && List($"{EntryXlsxTypedCounts.TypeColumn(i)}{row}", names, strict: false, texts, "DataEntry:XlsxPrompt:Type") is { } type)
                    {
                        yield return type;
                    }

                    if (inputs.Contains(EntryXlsxTypedCounts.CountColumn(i)))
                    {
                        yield return WholeCount($"{EntryXlsxTypedCounts.CountColumn(i)}{row}", texts);
                    }
                }

                if (inputs.Contains("K") && List($"K{row}", deduction.DoubleWhen.Select(texts.Flag).ToList(), strict: false, texts, "DataEntry:XlsxPrompt:Flags") is { } flags)
                {
                    yield return flags;
                }

                break;
        }
    }

    /// <summary>
    /// A dropdown of <paramref name="items"/>; strict: nothing else is accepted, otherwise the list only helps (several
    /// items are joined with |). Null when the items cannot be written as a list (too long, or a comma or quote in one).
    /// </summary>
    private static DataValidation? List(string cell, IReadOnlyList<string> items, bool strict, EntryXlsxTexts texts, string promptKey)
    {
        var list = string.Join(",", items);
        if (items.Count == 0 || list.Length > MaxListLength || items.Any(i => i.Contains(',') || i.Contains('"')))
        {
            return null;
        }

        var validation = new DataValidation(new Formula1($"\"{list}\""))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = strict,
            ShowInputMessage = true,
            PromptTitle = Clip(texts["DataEntry:XlsxPrompt:Title"], 32),
            Prompt = Clip(texts.Format(promptKey, string.Join("、", items)), MaxPromptLength),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = cell },
        };
        if (strict)
        {
            validation.ErrorTitle = Clip(texts["DataEntry:XlsxPrompt:ErrorTitle"], 32);
            validation.Error = Clip(texts.Format("DataEntry:XlsxPrompt:GradeError", string.Join("、", items)), MaxPromptLength);
        }

        return validation;
    }

    private static DataValidation WholeCount(string cell, EntryXlsxTexts texts) => new(new Formula1("0"), new Formula2("1000000"))
    {
        Type = DataValidationValues.Whole,
        Operator = DataValidationOperatorValues.Between,
        AllowBlank = true,
        ShowErrorMessage = true,
        ErrorTitle = Clip(texts["DataEntry:XlsxPrompt:ErrorTitle"], 32),
        Error = Clip(texts["DataEntry:CountWholeNumber"], MaxPromptLength),
        SequenceOfReferences = new ListValue<StringValue> { InnerText = cell },
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Thin<T>()
        where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFBFBFBF" } };

    private static CellFormat Format(uint font, uint fill, bool locked) => new(
        new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true },
        new Protection { Locked = locked })
    {
        NumberFormatId = 0,
        FontId = font,
        FillId = fill,
        BorderId = 1,
        FormatId = 0,
        ApplyFont = true,
        ApplyFill = true,
        ApplyBorder = true,
        ApplyAlignment = true,
        ApplyProtection = true,
    };
}
