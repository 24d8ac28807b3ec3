namespace PilotAssessment.Schemes;

public static class SchemeConsts
{
    /// <summary>一级/二级/三级: categories nest at most this deep.</summary>
    public const int MaxCategoryDepth = 3;

    public const int MaxNameLength = 128;

    public const int MaxCodeLength = 32;

    public static readonly IReadOnlyList<int> AllowedScales = [100, 1000];
}
