namespace PilotAssessment.Dtos;

public sealed record PagedResultDto<T>(long TotalCount, IReadOnlyList<T> Items);

public class PagedResultRequestDto
{
    [Range(0, int.MaxValue)]
    public int SkipCount { get; set; }

    [Range(1, 1000)]
    public int MaxResultCount { get; set; } = 20;
}

public class PagedAndFilteredRequestDto : PagedResultRequestDto
{
    [StringLength(128)]
    public string? Filter { get; set; }
}
