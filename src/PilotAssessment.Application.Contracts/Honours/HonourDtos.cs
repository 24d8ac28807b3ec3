namespace PilotAssessment.Honours;

/// <summary>A scheme series (the schemes sharing a name) with the grades of its latest published scheme.</summary>
public sealed class HonourSeriesDto
{
    public string Name { get; set; } = string.Empty;

    public List<string> Grades { get; set; } = [];
}

public sealed class HonourRuleDto
{
    public Guid Id { get; set; }

    public string SeriesName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? NameEn { get; set; }

    /// <summary>ConsecutiveGrade or GradeCount.</summary>
    public string Kind { get; set; } = string.Empty;

    public string KindText { get; set; } = string.Empty;

    public string Grade { get; set; } = string.Empty;

    public int Count { get; set; }

    public bool VetoBreaksRun { get; set; }

    /// <summary>The rule in words, in the reader's language.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Awards held now.</summary>
    public int ActiveAwards { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed class SaveHonourRuleInput
{
    public string SeriesName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? NameEn { get; set; }

    public HonourRuleKind Kind { get; set; }

    public string Grade { get; set; } = string.Empty;

    public int Count { get; set; }

    public bool VetoBreaksRun { get; set; } = true;

    /// <summary>The stamp read; a stale one is a conflict (409).</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class HonourAwardDto
{
    public Guid Id { get; set; }

    public Guid CityId { get; set; }

    public string? CityName { get; set; }

    public Guid RuleId { get; set; }

    /// <summary>The honour's name in the reader's language, with its stars (平安星 二星).</summary>
    public string Name { get; set; } = string.Empty;

    public int Stars { get; set; }

    public List<int> Years { get; set; } = [];

    /// <summary>The years that earned it, e.g. 2024、2025、2026.</summary>
    public string YearsText { get; set; } = string.Empty;

    public List<Guid> PeriodIds { get; set; } = [];

    public DateTime AwardedTime { get; set; }

    public bool IsActive { get; set; }

    public DateTime? RevokedTime { get; set; }

    public string? RevokeReason { get; set; }

    /// <summary>Manual or NoLongerEarned.</summary>
    public string? RevocationKind { get; set; }

    public string? RevocationKindText { get; set; }

    public string? RevokedByName { get; set; }
}

public sealed class GetHonourAwardsInput
{
    public Guid? CityId { get; set; }

    public Guid? RuleId { get; set; }

    public string? SeriesName { get; set; }

    /// <summary>Also the revoked awards (default: only the ones held).</summary>
    public bool IncludeRevoked { get; set; }
}

public sealed class RevokeHonourInput
{
    public string? Reason { get; set; }
}

/// <summary>A pilot city across years: every published period's result, its honours and its open problems (本市概况).</summary>
public sealed class CityProfileDto
{
    public Guid CityId { get; set; }

    public string CityName { get; set; } = string.Empty;

    /// <summary>Oldest first.</summary>
    public List<CityProfilePeriodDto> Periods { get; set; } = [];

    /// <summary>Held first, then the revoked ones.</summary>
    public List<HonourAwardDto> Honours { get; set; } = [];

    public int OpenProblemCount { get; set; }

    /// <summary>The open problems, the earliest deadline first.</summary>
    public List<CityProfileProblemDto> OpenProblems { get; set; } = [];
}

public sealed class CityProfilePeriodDto
{
    public Guid PeriodId { get; set; }

    public string PeriodName { get; set; } = string.Empty;

    public string KindText { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Number { get; set; }

    /// <summary>The city's current published sheet.</summary>
    public Guid SheetId { get; set; }

    public int Version { get; set; }

    /// <summary>Left out of the publication (未参评): no total, grade or rank.</summary>
    public bool NotAssessed { get; set; }

    public decimal? Total { get; set; }

    public decimal MaxPoints { get; set; }

    public decimal? Percent { get; set; }

    public string? Grade { get; set; }

    /// <summary>The grade's key in the scheme (excellent, good, …) for its colour tag.</summary>
    public string? GradeKey { get; set; }

    public string? Colour { get; set; }

    /// <summary>The colour's key in the scheme (green, yellow, …).</summary>
    public string? ColourKey { get; set; }

    public int? Rank { get; set; }

    public bool Vetoed { get; set; }

    /// <summary>The results are final (no withdrawal any more).</summary>
    public bool Final { get; set; }

    public DateTime? PublishedTime { get; set; }
}

public sealed class CityProfileProblemDto
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string StatusText { get; set; } = string.Empty;

    public string SeverityText { get; set; } = string.Empty;

    public DateTime Deadline { get; set; }

    public bool Overdue { get; set; }
}
