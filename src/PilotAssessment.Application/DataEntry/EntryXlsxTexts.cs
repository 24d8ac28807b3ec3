using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>Why a row of the entry workbook is not the user's to change (shown read-only, skipped on upload).</summary>
public enum EntryXlsxRowLock
{
    None = 0,

    /// <summary>Reported by its unit to the city administrator: the clerks no longer change it.</summary>
    Reported = 1,

    /// <summary>Counted from the supervision problem register (<c>occurrence_source: supervision</c>), never typed.</summary>
    FromRegister = 2,

    /// <summary>Part of the self-assessment submitted to (or approved by) the province.</summary>
    Submitted = 3,
}

/// <summary>One line of the entry workbook: the line as the user reads it, its indicator and whether the user may change it.</summary>
public sealed record EntryXlsxLine(EntryLineDto Line, IndicatorDefinition? Indicator, EntryXlsxRowLock Lock = EntryXlsxRowLock.None);

/// <summary>
/// The texts of the entry workbook in the user's language (keys under <c>DataEntry:Xlsx…</c>, rule kinds, doubling
/// flags), and the way back from a flag's or a type's name to its key when a workbook is read.
/// </summary>
public sealed class EntryXlsxTexts(Func<string, string> localize)
{
    /// <summary>Without a localizer: every text is its key but the sheets' names (the tests' workbooks, which only need the layout).</summary>
    public static readonly EntryXlsxTexts Untranslated = new(key => key switch
    {
        "DataEntry:XlsxSheet:Entry" => "填报",
        "DataEntry:XlsxSheet:Guide" => "说明",
        _ => key,
    });

    public string this[string key] => localize(key);

    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.CurrentCulture, localize(key), args);

    /// <summary>The rule kind as a person reads it (按次扣分), never its identifier.</summary>
    public string RuleKind(string kind) => Or(localize("RuleKind:" + kind), "RuleKind:" + kind, kind);

    /// <summary>A doubling flag's name (重大活动安保期间); the flag itself when it has none.</summary>
    public string Flag(string flag) => Or(localize("DataEntry:Flag:" + flag), "DataEntry:Flag:" + flag, flag);

    /// <summary>The flag of the rule that the text names (by key or name); the text itself when none does.</summary>
    public string FlagKey(IndicatorDefinition indicator, string text) =>
        EntryXlsx.KnownFlags(indicator).FirstOrDefault(f => f == text || Flag(f) == text) ?? text;

    /// <summary>An occurrence type's name (到省); the key when it has none.</summary>
    public static string TypeName(IndicatorDefinition? indicator, string type) =>
        (indicator?.Rule as PerOccurrenceDeductionRule)?.Rates.FirstOrDefault(r => r.Type == type) is { Name: { Length: > 0 } name } ? name : type;

    private static string Or(string text, string key, string fallback) => text == key ? fallback : text;
}
