using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Excel;

/// <summary>The scheme JSON conventions applied to single cells: rule objects, consequence kinds, enum names.</summary>
internal static class SchemeExcelJson
{
    // The scheme serializer's options on one line, so a rule fits in a cell.
    private static readonly JsonSerializerOptions Compact = new(SchemeJsonSerializer.Options) { WriteIndented = false };

    public static readonly IReadOnlyList<string> RuleKinds = DerivedKinds(typeof(ScoringRule));

    public static readonly IReadOnlyList<string> ConsequenceKinds = DerivedKinds(typeof(VetoConsequence));

    // Chinese names for the readable column; the JSON column stays authoritative.
    private static readonly Dictionary<string, string> RuleKindNames = new()
    {
        ["threshold_bands"] = "分档计分",
        ["per_occurrence_deduction"] = "按次扣分",
        ["ratio_to_target"] = "按目标比例",
        ["yoy_change"] = "同比变化",
        ["reference_comparison"] = "对比参照值",
        ["shortfall_bands"] = "差距扣分",
        ["rank_based"] = "按排名",
        ["rank_change"] = "排名变化",
        ["qualitative_grade"] = "定性评价",
        ["checklist"] = "清单核查",
        ["survey_composite"] = "问卷综合",
        ["formula"] = "公式",
    };

    public static string SerializeRule(ScoringRule rule) => JsonSerializer.Serialize(rule, Compact);

    public static ScoringRule? DeserializeRule(string json) => JsonSerializer.Deserialize<ScoringRule>(json, Compact);

    /// <summary>The snake_case name of an enum value, as in the scheme JSON.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Compact).Trim('"');

    /// <summary>An enum value's label as people read it in the workbook (自查自评 for <c>self</c>).</summary>
    public static string EnumLabel<T>(T value)
        where T : struct, Enum => Labels.Value(EnumName(value));

    /// <summary>Reads an enum value written as its label (either language) or as its snake_case name.</summary>
    public static bool TryParseEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Labels.NameOf(text, Enum.GetValues<T>().Select(EnumName), n => "RuleValue:" + n) ?? text.Trim();
        try
        {
            value = JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(name), Compact);
            return true;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>The values one may write, by their labels (for a message).</summary>
    public static string EnumNames<T>()
        where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(EnumLabel));

    /// <summary>The rule kinds one may write, by their labels (for a message).</summary>
    public static string RuleKindLabels() => string.Join("、", RuleKinds.Select(Labels.RuleKind));

    /// <summary>The veto consequences one may write, by their labels (for a message).</summary>
    public static string ConsequenceLabels() => string.Join("、", ConsequenceKinds.Select(Labels.Consequence));

    /// <summary>A one-line reading aid: 分档计分：dir=higher；bands=[at 95, points 3 | …].</summary>
    public static string Summarize(ScoringRule rule)
    {
        using var document = JsonDocument.Parse(SerializeRule(rule));
        var parts = document.RootElement.EnumerateObject()
            .Where(p => p.Name != "kind")
            .Select(p => $"{p.Name}={Flatten(p.Value)}");
        var name = RuleKindNames.GetValueOrDefault(rule.Kind, rule.Kind);
        return $"{name}：{string.Join("；", parts)}";
    }

    private static string Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join(", ", element.EnumerateObject().Select(p => $"{p.Name} {Flatten(p.Value)}")),
        JsonValueKind.Array => "[" + string.Join(" | ", element.EnumerateArray().Select(Flatten)) + "]",
        JsonValueKind.String => element.GetString() ?? string.Empty,
        _ => element.GetRawText(),
    };

    private static string[] DerivedKinds(Type type) =>
        type.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).ToArray();

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
