using System.Text.Json;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Permissions;
using PilotAssessment.Schemes.Editing;
using PilotAssessment.Schemes.Excel;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.Schemes;

/// <summary>
/// A draft edited one change at a time (add, rename, move, remove categories and indicators; an indicator's fields).
/// Each change checks the concurrency stamp, refuses a published or archived scheme, and returns the draft with its
/// problems: points that no longer add up are reported by the validator, never adjusted.
/// </summary>
public sealed partial class SchemeAppService
{
    private const string RuleField = "rule";
    private const string ScoreSourceField = "scoreSource";

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddCategoryAsync(Guid id, AddCategoryInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d => SchemeDraftEditor.AddCategory(d, input.ParentCode, input.Code, input.Name, input.NameEn, input.Position));

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateCategoryAsync(Guid id, string code, UpdateCategoryInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d => SchemeDraftEditor.RenameCategory(d, code, input.Name, input.NameEn));

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveCategoryAsync(Guid id, string code, MoveCategoryInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d => SchemeDraftEditor.MoveCategory(d, code, input.ParentCode, input.Position));

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveCategoryAsync(Guid id, string code, string concurrencyStamp) =>
        EditAsync(id, concurrencyStamp, d => SchemeDraftEditor.RemoveCategory(d, code));

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> AddIndicatorAsync(Guid id, AddIndicatorInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d =>
        {
            // A new indicator without a rule gets an empty one of the commonest kind, which the validator asks to fill in.
            var rule = ParseRule(input.Rule) ?? new ThresholdBandsRule();
            var indicator = Apply(new IndicatorDefinition { Code = input.Code, Name = input.Name, Rule = rule }, input);
            return SchemeDraftEditor.AddIndicator(d, input.CategoryCode, indicator, input.Position);
        });

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> UpdateIndicatorAsync(Guid id, string code, UpdateIndicatorInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d =>
        {
            var rule = ParseRule(input.Rule);
            return SchemeDraftEditor.UpdateIndicator(d, code, i => Apply(i, input) with { Rule = rule ?? i.Rule });
        });

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> MoveIndicatorAsync(Guid id, string code, MoveIndicatorInput input) =>
        EditAsync(id, input.ConcurrencyStamp, d => SchemeDraftEditor.MoveIndicator(d, code, input.CategoryCode, input.Position));

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public Task<SchemeDto> RemoveIndicatorAsync(Guid id, string code, string concurrencyStamp) =>
        EditAsync(id, concurrencyStamp, d => SchemeDraftEditor.RemoveIndicator(d, code));

    private async Task<SchemeDto> EditAsync(Guid id, string concurrencyStamp, Func<SchemeDefinition, SchemeDefinition> change)
    {
        var scheme = await schemes.GetAsync(id);
        if (scheme.Status != SchemeStatus.Draft)
        {
            throw new BusinessException(SchemeErrorCodes.NotDraft, scheme.Status);
        }

        scheme.ConcurrencyStamp = concurrencyStamp;
        scheme.UpdateDefinition(change(scheme.Definition));
        await schemes.UpdateAsync(scheme);
        return Detail(scheme, Problems(scheme));
    }

    private static IndicatorDefinition Apply(IndicatorDefinition indicator, IndicatorFieldsInput input)
    {
        if (!SchemeExcelJson.TryParseEnum<ScoreSource>(input.ScoreSource, out var source)
            && !Enum.TryParse(input.ScoreSource, ignoreCase: true, out source))
        {
            throw new BusinessException(SchemeErrorCodes.ScoreSourceInvalid).WithError(ScoreSourceField, SchemeErrorCodes.ScoreSourceInvalid);
        }

        if (input.Min is { } min && input.Max is { } max && min > max)
        {
            throw new BusinessException(Quality.QualityErrorCodes.BoundsInverted, min, max).WithError("max", Quality.QualityErrorCodes.BoundsInverted, min, max);
        }

        return indicator with
        {
            Name = input.Name,
            NameEn = Blank(input.NameEn),
            Unit = Blank(input.Unit),
            UnitEn = Blank(input.UnitEn),
            MaxPoints = input.MaxPoints,
            ResponsibleUnit = Blank(input.ResponsibleUnit),
            ScoreSource = source,
            EvidenceRequired = input.EvidenceRequired,
            Target = input.Target,
            Min = input.Min,
            Max = input.Max,
            RuleText = Blank(input.RuleText),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ScoringRule? ParseRule(JsonElement? rule)
    {
        if (rule is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            return null;
        }

        try
        {
            return SchemeExcelJson.DeserializeRule(element.GetRawText())
                   ?? throw new JsonException();
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new BusinessException(SchemeErrorCodes.RuleJsonInvalid).WithError(RuleField, SchemeErrorCodes.RuleJsonInvalid);
        }
    }
}
