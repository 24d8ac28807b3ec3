using System.Runtime.CompilerServices;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

internal static class DataEntryMapping
{
    public static EntryValue ToDomain(this EntryValueDto? dto) => dto is null ? new EntryValue() : new EntryValue
    {
        Number = dto.Number,
        Occurrences = dto.Occurrences?.Select(o => new EntryOccurrence { Type = o.Type, Count = o.Count, Flags = o.Flags }).ToList(),
        Flags = dto.Flags is { Count: > 0 } ? dto.Flags : null,
        Grade = string.IsNullOrWhiteSpace(dto.Grade) ? null : dto.Grade.Trim(),
        ChecklistPresent = dto.ChecklistPresent,
        SurveyRates = dto.SurveyRates,
        LastYearNumber = dto.LastYearNumber,
    };

    // A definition never changes once read (a new one replaces it), so its rule texts are generated once per indicator.
    private static readonly ConditionalWeakTable<IndicatorDefinition, StrongBox<Schemes.Rules.BilingualText>> RuleTexts = new();

    /// <summary>The official's wording of the rule, else the generated one in the reader's language.</summary>
    public static string? RuleDescription(IndicatorDefinition indicator) => string.IsNullOrWhiteSpace(indicator.RuleText)
        ? SchemeAutoMapperProfile.InCurrentCulture(RuleTexts.GetValue(indicator, i => new(Schemes.RuleText.RuleTextGenerator.Generate(i))).Value)
        : indicator.RuleText;
}
