using System.Text.Json;
using System.Text.Json.Nodes;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes.Excel;

/// <summary>A scheme workbook's rule and veto columns: a rule's JSON with its kind column, a veto's consequence.</summary>
internal static class SchemeExcelRuleReader
{
    private static readonly JsonDocumentOptions RuleJsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // The JSON column is authoritative; the kind column may stand in for a missing "kind" and must agree otherwise.
    public static ScoringRule? ReadRule(SchemeSheetRow row)
    {
        var known = SchemeExcelJson.RuleKindLabels();
        var written = row.Text("rule_kind")?.Trim();
        var kind = written is null ? null : Labels.NameOf(written, SchemeExcelJson.RuleKinds, k => "RuleKind:" + k);
        if (written is not null && kind is null)
        {
            row.Error("rule_kind", SchemeExcelErrorCodes.UnknownRuleKind, written, known);
            return null;
        }

        var json = row.Text("rule");
        if (string.IsNullOrWhiteSpace(json))
        {
            if (kind is null)
            {
                row.Error("rule", SchemeExcelErrorCodes.ValueRequired);
                return null;
            }

            json = "{}";
        }

        JsonObject rule;
        try
        {
            if (JsonNode.Parse(json, documentOptions: RuleJsonOptions) is not JsonObject parsed)
            {
                row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "{…}");
                return null;
            }

            rule = parsed;
        }
        catch (JsonException exception)
        {
            row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, Detail(exception));
            return null;
        }

        string? jsonKind = null;
        if (rule.TryGetPropertyValue("kind", out var kindNode) &&
            (kindNode is not JsonValue value || !value.TryGetValue(out jsonKind)))
        {
            row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "kind");
            return null;
        }

        if (jsonKind is not null && !SchemeExcelJson.RuleKinds.Contains(jsonKind))
        {
            row.Error("rule", SchemeExcelErrorCodes.UnknownRuleKind, jsonKind, known);
            return null;
        }

        if (kind is not null && jsonKind is not null && kind != jsonKind)
        {
            row.Error("rule_kind", SchemeExcelErrorCodes.RuleKindMismatch, Labels.RuleKind(kind), Labels.RuleKind(jsonKind));
            return null;
        }

        if (jsonKind is null)
        {
            if (kind is null)
            {
                row.Error("rule_kind", SchemeExcelErrorCodes.ValueRequired);
                return null;
            }

            rule["kind"] = kind;
        }

        try
        {
            var result = SchemeExcelJson.DeserializeRule(rule.ToJsonString());
            if (result is null)
            {
                row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "null");
            }

            return result;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, Detail(exception));
            return null;
        }
    }

    public static VetoRuleDefinition? ReadVeto(SchemeSheetRow row)
    {
        var code = row.RequiredText("code");
        var name = row.RequiredText("name");
        var triggerFact = row.RequiredText("trigger_fact");
        var awardIneligible = row.Bool("award_ineligible");
        var written = row.RequiredText("consequence_kind").Trim();
        var kind = Labels.NameOf(written, SchemeExcelJson.ConsequenceKinds, k => "VetoConsequence:" + k) ?? written;
        VetoConsequence? consequence = kind switch
        {
            "fixed_deduction" => new FixedDeductionConsequence { Points = row.Decimal("points", required: true) ?? 0, AwardIneligible = awardIneligible },
            "grade_cap" => new GradeCapConsequence { MaxGrade = row.RequiredText("grade"), AwardIneligible = awardIneligible },
            "grade_set" => new GradeSetConsequence { Grade = row.RequiredText("grade"), AwardIneligible = awardIneligible },
            "total_zeroed" => new TotalZeroedConsequence { AwardIneligible = awardIneligible },
            _ => null,
        };
        if (consequence is null)
        {
            if (kind.Length > 0)
            {
                row.Error("consequence_kind", SchemeExcelErrorCodes.UnknownValue, kind, SchemeExcelJson.ConsequenceLabels());
            }

            return null;
        }

        return new VetoRuleDefinition
        {
            Code = code,
            Name = name,
            NameEn = row.Text("name_en"),
            TriggerFact = triggerFact,
            TriggerText = row.Text("trigger_text"),
            Condition = row.Text("condition"),
            Consequence = consequence,
        };
    }

    private static string Detail(Exception exception)
    {
        var path = (exception as JsonException)?.Path;
        var message = exception.Message.Length > 160 ? exception.Message[..160] + "…" : exception.Message;
        return path is null ? message : $"{path}: {message}";
    }
}
