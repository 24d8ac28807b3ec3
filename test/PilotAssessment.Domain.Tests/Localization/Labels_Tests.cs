using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;

namespace PilotAssessment.Localization;

/// <summary>
/// Every internal name a person may meet has a Simplified Chinese and an English label: each member of each enum,
/// each scoring rule kind, rule parameter and parameter value, each veto consequence, each occurrence flag of the
/// sample scheme. A new member without its texts fails here, before it shows as "Scored" or "percent_change".
/// </summary>
public sealed class Labels_Tests
{
    private static readonly JsonNamingPolicy Snake = JsonNamingPolicy.SnakeCaseLower;

    public static TheoryData<string> Cultures => new(PilotAssessmentResource.SupportedCultures);

    private static IEnumerable<Type> ProductEnums() =>
        typeof(PilotAssessmentResource).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).Append(typeof(MidpointRounding));

    private static IEnumerable<string> Kinds(Type polymorphic) =>
        polymorphic.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!);

    private static IEnumerable<string> JsonNames(Type polymorphic) =>
        polymorphic.GetCustomAttributes<JsonDerivedTypeAttribute>()
            .SelectMany(a => a.DerivedType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Snake.ConvertName(p.Name))
            .Distinct();

    private static void ShouldAllHaveTexts(IEnumerable<string> keys, string culture)
    {
        var texts = JsonStringLocalizer.GetTexts(culture);
        var missing = keys.Where(k => !texts.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        missing.ShouldBeEmpty($"labels missing in {culture}");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Should_Have_A_Label_For_Every_Member_Of_Every_Enum(string culture)
    {
        var keys = ProductEnums().SelectMany(t => Enum.GetValues(t).Cast<Enum>()).Select(Labels.EnumKey).ToList();
        keys.Count.ShouldBeGreaterThan(60);
        ShouldAllHaveTexts(keys, culture);
    }

    [Fact]
    public void Should_Not_Label_An_Enum_Member_By_Its_Own_Name_In_Chinese()
    {
        var texts = JsonStringLocalizer.GetTexts("zh-Hans");
        ProductEnums().SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(m => texts.TryGetValue(Labels.EnumKey(m), out var text) && text == m.ToString())
            .Select(Labels.EnumKey).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Should_Have_A_Label_For_Every_Rule_Kind_Parameter_And_Consequence(string culture)
    {
        ShouldAllHaveTexts(Kinds(typeof(ScoringRule)).Select(k => "RuleKind:" + k), culture);
        ShouldAllHaveTexts(Kinds(typeof(VetoConsequence)).Select(k => "VetoConsequence:" + k), culture);
        var parameters = JsonNames(typeof(ScoringRule)).Concat(JsonNames(typeof(VetoConsequence))).ToList();
        parameters.ShouldContain("unit_step");
        parameters.ShouldContain("award_ineligible");
        ShouldAllHaveTexts(parameters.Select(p => "RuleParameter:" + p), culture);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Should_Have_A_Label_For_Every_Parameter_Value_And_Flag(string culture)
    {
        var values = new[] { typeof(BetterDirection), typeof(StepCounting), typeof(ChangeMeasure), typeof(ReferenceKind), typeof(ScoreSource), typeof(MidpointRounding) }
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Select(m => JsonSerializer.Serialize(m, m.GetType(), SchemeJsonSerializer.Options).Trim('"'))
            .ToList();
        values.ShouldContain("percent_change");
        var flags = SampleSchemeLoader.Load().Definition.AllIndicators()
            .Select(i => i.Rule).OfType<PerOccurrenceDeductionRule>().SelectMany(r => r.DoubleWhen).Distinct().ToList();
        flags.ShouldNotBeEmpty();
        ShouldAllHaveTexts(values.Concat(flags).Select(v => "RuleValue:" + v), culture);
    }

    [Fact]
    public void Should_Read_Labels_In_The_Current_Culture_And_A_Label_Back_To_Its_Name()
    {
        using (new CultureScope("zh-Hans"))
        {
            Labels.Enum(LineStatus.Scored).ShouldBe("已计分");
            Labels.RuleKind("ratio_to_target").ShouldBe("目标完成率");
            Labels.Value("province_average").ShouldBe("全省平均");
            Labels.YesNo(true).ShouldBe("是");
        }

        using (new CultureScope("en"))
        {
            Labels.Enum(LineStatus.Unreported).ShouldBe("Not reported");
            Labels.Parameter("measure").ShouldBe("measure");
            Labels.Consequence("grade_cap").ShouldBe("grade capped");
        }

        Labels.NameOf("目标完成率", Kinds(typeof(ScoringRule)), k => "RuleKind:" + k).ShouldBe("ratio_to_target");
        Labels.NameOf("Ratio to target", Kinds(typeof(ScoringRule)), k => "RuleKind:" + k).ShouldBe("ratio_to_target");
        Labels.NameOf("ratio_to_target", Kinds(typeof(ScoringRule)), k => "RuleKind:" + k).ShouldBe("ratio_to_target");
        Labels.NameOf("按心情计分", Kinds(typeof(ScoringRule)), k => "RuleKind:" + k).ShouldBeNull();
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _previous = System.Globalization.CultureInfo.CurrentUICulture;

        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(name);

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = _previous;
    }
}
