namespace PilotAssessment.Schemes;

public static class SchemeConsts
{
    /// <summary>一级/二级/三级: categories nest at most this deep.</summary>
    public const int MaxCategoryDepth = 3;

    public const int MaxNameLength = 128;

    public const int MaxCodeLength = 32;

    /// <summary>Most characters of one formula (value formula, points formula or veto condition).</summary>
    public const int MaxFormulaLength = 4000;

    /// <summary>Most nodes (numbers, codes, operators, calls) of one parsed formula.</summary>
    public const int MaxFormulaNodes = 2000;

    /// <summary>Deepest a parsed formula's tree may be, counting every operator, not only brackets.</summary>
    public const int MaxFormulaDepth = 200;

    /// <summary>Longest chain of formulas that use codes defined by other formulas (a = b + 1, b = c * 2, …).</summary>
    public const int MaxFormulaChain = 64;

    public static readonly IReadOnlyList<int> AllowedScales = [100, 1000];
}
