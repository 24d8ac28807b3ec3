using System.Text.Json;

namespace PilotAssessment.Schemes;

/// <summary>Every change to a draft's tree carries the scheme's concurrency stamp, as <see cref="UpdateSchemeInput"/> does.</summary>
public abstract class SchemeEditInput
{
    [Required]
    [StringLength(40)]
    public string ConcurrencyStamp { get; set; } = default!;
}

public sealed class AddCategoryInput : SchemeEditInput
{
    /// <summary>The enclosing category; empty for a top-level category.</summary>
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string? ParentCode { get; set; }

    [Required]
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string Code { get; set; } = default!;

    [Required]
    [StringLength(SchemeConsts.MaxNameLength)]
    public string Name { get; set; } = default!;

    [StringLength(SchemeConsts.MaxNameLength)]
    public string? NameEn { get; set; }

    /// <summary>Index among its siblings (0 = first); empty = last.</summary>
    [Range(0, 1000)]
    public int? Position { get; set; }
}

public sealed class UpdateCategoryInput : SchemeEditInput
{
    [Required]
    [StringLength(SchemeConsts.MaxNameLength)]
    public string Name { get; set; } = default!;

    [StringLength(SchemeConsts.MaxNameLength)]
    public string? NameEn { get; set; }
}

/// <summary>Moves a category with its contents: under <see cref="ParentCode"/> (empty = top level), at <see cref="Position"/> (empty = last).</summary>
public sealed class MoveCategoryInput : SchemeEditInput
{
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string? ParentCode { get; set; }

    [Range(0, 1000)]
    public int? Position { get; set; }
}

/// <summary>The fields of an indicator an official edits; the rule and its text are optional (null keeps the rule).</summary>
public class IndicatorFieldsInput : SchemeEditInput
{
    [Required]
    [StringLength(SchemeConsts.MaxNameLength)]
    public string Name { get; set; } = default!;

    [StringLength(SchemeConsts.MaxNameLength)]
    public string? NameEn { get; set; }

    [StringLength(32)]
    public string? Unit { get; set; }

    [StringLength(64)]
    public string? UnitEn { get; set; }

    [Range(0, 1000)]
    public decimal MaxPoints { get; set; }

    [StringLength(SchemeConsts.MaxNameLength)]
    public string? ResponsibleUnit { get; set; }

    /// <summary>self, department, field or survey (自查自评 / 部门考评 / 实地考评 / 群众评价).</summary>
    [Required]
    [StringLength(16)]
    public string ScoreSource { get; set; } = "department";

    public bool EvidenceRequired { get; set; }

    public decimal? Target { get; set; }

    /// <summary>Smallest plausible value (data-quality check); empty = no lower bound.</summary>
    public decimal? Min { get; set; }

    /// <summary>Largest plausible value (data-quality check); empty = no upper bound.</summary>
    public decimal? Max { get; set; }

    /// <summary>The official's wording of the rule (考评细则原文).</summary>
    [StringLength(4000)]
    public string? RuleText { get; set; }

    /// <summary>The rule in the scheme JSON format (with its <c>kind</c>); null keeps the current rule (a new indicator gets empty bands to fill in).</summary>
    public JsonElement? Rule { get; set; }
}

public sealed class AddIndicatorInput : IndicatorFieldsInput
{
    [Required]
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string CategoryCode { get; set; } = default!;

    [Required]
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string Code { get; set; } = default!;

    [Range(0, 1000)]
    public int? Position { get; set; }
}

public sealed class UpdateIndicatorInput : IndicatorFieldsInput;

public sealed class MoveIndicatorInput : SchemeEditInput
{
    [Required]
    [StringLength(SchemeConsts.MaxCodeLength)]
    public string CategoryCode { get; set; } = default!;

    [Range(0, 1000)]
    public int? Position { get; set; }
}
