namespace PilotAssessment.Schemes;

/// <summary>
/// Localization codes of the scheme workbook (xlsx) import; texts in Localization/PilotAssessment/SchemesExcel/*.json.
/// Cell errors take {0} sheet, {1} cell (F12), {2} column header, then their own arguments.
/// </summary>
public static class SchemeExcelErrorCodes
{
    /// <summary>{0} = number of errors; nothing was imported.</summary>
    public const string Invalid = "SchemesExcel:Invalid";

    public const string NotXlsx = "SchemesExcel:NotXlsx";

    /// <summary>{0} sheet.</summary>
    public const string SheetMissing = "SchemesExcel:SheetMissing";

    /// <summary>{0} sheet, {1} header, {2} machine key expected in the hidden row 2.</summary>
    public const string ColumnMissing = "SchemesExcel:ColumnMissing";

    /// <summary>{0} sheet: the sheet has no data row.</summary>
    public const string RowMissing = "SchemesExcel:RowMissing";

    public const string ValueRequired = "SchemesExcel:ValueRequired";

    /// <summary>{3} = the value found.</summary>
    public const string NotANumber = "SchemesExcel:NotANumber";

    public const string NotAWholeNumber = "SchemesExcel:NotAWholeNumber";

    public const string NotABoolean = "SchemesExcel:NotABoolean";

    /// <summary>{3} = the value found, {4} = the allowed values.</summary>
    public const string UnknownValue = "SchemesExcel:UnknownValue";

    /// <summary>{3} = the category path that no earlier row defines.</summary>
    public const string UnknownCategory = "SchemesExcel:UnknownCategory";

    public const string DuplicateCategory = "SchemesExcel:DuplicateCategory";

    public const string IndicatorWithoutCategory = "SchemesExcel:IndicatorWithoutCategory";

    /// <summary>{3} = the kind found, {4} = the known kinds.</summary>
    public const string UnknownRuleKind = "SchemesExcel:UnknownRuleKind";

    /// <summary>{3} = kind in the kind column, {4} = kind in the JSON.</summary>
    public const string RuleKindMismatch = "SchemesExcel:RuleKindMismatch";

    /// <summary>{3} = the parser's detail.</summary>
    public const string RuleJsonMalformed = "SchemesExcel:RuleJsonMalformed";

    /// <summary>{3} = the upper bound found, {4} = the lower bound, {5} = the lower bound's header.</summary>
    public const string BoundsInverted = "SchemesExcel:BoundsInverted";
}
