using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Localization;

/// <summary>
/// The words people read instead of the product's internal names, in the current UI culture (zh-Hans or en):
/// enum members (<c>Enum:&lt;Type&gt;.&lt;Member&gt;</c>), scoring rule kinds (<c>RuleKind:</c>), rule parameter names
/// (<c>RuleParameter:</c>) and values (<c>RuleValue:</c>: directions, step counting, measures, references,
/// occurrence flags, score sources, rounding modes), veto consequences (<c>VetoConsequence:</c>) and yes/no.
/// Every file writer and message uses these, so no snake_case name, enum member or true/false reaches a person.
/// A name without a text is returned as it is (the label tests fail on it).
/// </summary>
public static class Labels
{
    private static readonly JsonStringLocalizer Texts = new();

    /// <summary>The key of an enum member's label, e.g. <c>Enum:LineStatus.Scored</c>.</summary>
    public static string EnumKey(Enum member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return $"Enum:{member.GetType().Name}.{member}";
    }

    /// <summary>已计分 for <c>LineStatus.Scored</c>.</summary>
    public static string Enum(Enum member) => Text(EnumKey(member), member.ToString());

    /// <summary>目标完成率 for <c>ratio_to_target</c>.</summary>
    public static string RuleKind(string? kind) => kind is null ? string.Empty : Text("RuleKind:" + kind, kind);

    /// <summary>比较方式 for <c>measure</c>.</summary>
    public static string Parameter(string name) => Text("RuleParameter:" + name, name);

    /// <summary>变化百分比 for <c>percent_change</c>, 重大活动安保期间发生 for <c>major_event_period</c>.</summary>
    public static string Value(string value) => Text("RuleValue:" + value, value);

    /// <summary>等次封顶 for <c>grade_cap</c>.</summary>
    public static string Consequence(string kind) => Text("VetoConsequence:" + kind, kind);

    /// <summary>是 / 否.</summary>
    public static string YesNo(bool value) => Text(value ? "Label:Yes" : "Label:No", value ? "是" : "否");

    /// <summary>The text of <paramref name="text"/>'s key.</summary>
    public static string Of(LocalizableText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Texts[text.Key].Value;
    }

    /// <summary>A label by its key, e.g. a file's header <c>ScoreSheetXlsx:City</c>.</summary>
    public static string Text(string key, string? fallback = null)
    {
        var text = Texts[key];
        return text.ResourceNotFound ? fallback ?? key : text.Value;
    }

    /// <summary>
    /// The name whose label (in Simplified Chinese or English) or whose own spelling <paramref name="text"/> is, so
    /// a file people edit may carry labels and still be read back; null when it is neither.
    /// </summary>
    public static string? NameOf(string text, IEnumerable<string> names, Func<string, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(keyOf);
        var wanted = text.Trim();
        foreach (var name in names)
        {
            if (string.Equals(name, wanted, StringComparison.Ordinal))
            {
                return name;
            }

            foreach (var culture in PilotAssessmentResource.SupportedCultures)
            {
                if (JsonStringLocalizer.GetTexts(culture).TryGetValue(keyOf(name), out var label) && string.Equals(label, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="key"/> has a text in <paramref name="cultureName"/> itself (not by falling back).</summary>
    public static bool Has(string key, string cultureName) => JsonStringLocalizer.GetTexts(cultureName).ContainsKey(key);
}
