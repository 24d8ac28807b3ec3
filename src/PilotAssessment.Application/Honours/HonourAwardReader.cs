using System.Globalization;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;
using PilotAssessment.Tenants;

namespace PilotAssessment.Honours;

/// <summary>Awards as the reader sees them: the name in their language with its stars, the years, the revocation.</summary>
public sealed class HonourAwardReader(IRepository<Tenant> tenants, IStringLocalizer<PilotAssessmentResource> localizer)
{
    /// <summary>Held first (the latest first), then the revoked ones.</summary>
    public async Task<List<HonourAwardDto>> ToDtosAsync(IReadOnlyCollection<HonourAward> list)
    {
        var cityIds = list.Select(a => a.TenantId).Distinct().ToList();
        var names = (await tenants.ToListAsync(tenants.QueryReadOnly().Where(t => cityIds.Contains(t.Id)))).ToDictionary(t => t.Id, t => t.DisplayName);
        return list
            .OrderBy(a => !a.IsActive)
            .ThenByDescending(a => a.Years.LastOrDefault())
            .ThenByDescending(a => a.Stars)
            .Select(a => ToDto(a, names.GetValueOrDefault(a.TenantId!.Value)))
            .ToList();
    }

    private HonourAwardDto ToDto(HonourAward award, string? cityName)
    {
        var name = English && !string.IsNullOrEmpty(award.NameEn) ? award.NameEn : award.Name;
        return new HonourAwardDto
        {
            Id = award.Id,
            CityId = award.TenantId!.Value,
            CityName = cityName,
            RuleId = award.RuleId,
            Name = award.Stars > 0 ? $"{name} {localizer["Honours:Stars", award.Stars]}" : name,
            Stars = award.Stars,
            Years = award.Years,
            YearsText = string.Join(English ? ", " : "、", award.Years),
            PeriodIds = award.PeriodIds,
            AwardedTime = award.AwardedTime,
            IsActive = award.IsActive,
            RevokedTime = award.RevokedTime,
            RevokeReason = award.RevokeReason,
            RevocationKind = award.RevocationKind?.ToString(),
            RevocationKindText = award.RevocationKind is { } kind ? localizer[$"Enum:HonourRevocationKind.{kind}"].Value : null,
            RevokedByName = award.RevokedByName,
        };
    }

    private static bool English => JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture) == "en";
}
