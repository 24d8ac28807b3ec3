using System.Security.Cryptography;
using System.Text;

namespace PilotAssessment.Feeds;

/// <summary>
/// A department's system that writes values through the bulk feed (数据接口): registered by the province (no tenant)
/// or by a city (its tenant, and then only for itself), for the cities and indicators listed. Its secret is shown
/// once and kept only as a salted PBKDF2 hash; a revoked client is refused at once, even with an unexpired token.
/// </summary>
public class FeedClient : FullAuditedAggregateRoot, IMultiTenant
{
    public const int SecretBytes = 32;
    private const int Iterations = 10_000;

    private FeedClient()
    {
        Name = Department = SecretHash = SecretSalt = string.Empty;
    }

    public FeedClient(Guid id, Guid? tenantId, string name, string department, IEnumerable<Guid> cityIds, bool allIndicators, IEnumerable<string> indicatorCodes, out string secret)
        : base(id)
    {
        TenantId = tenantId;
        Name = name.Trim();
        Department = department.Trim();
        CityIds = cityIds.Distinct().ToList();
        AllIndicators = allIndicators;
        IndicatorCodes = allIndicators ? [] : indicatorCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        SecretSalt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        SecretHash = Hash(secret, SecretSalt);
    }

    public Guid? TenantId { get; set; }

    public string Name { get; private set; }

    /// <summary>The owning department (公安局, 信访局 …), shown beside every value it wrote.</summary>
    public string Department { get; private set; }

    /// <summary>The cities it may write (a city's client: only that city).</summary>
    public List<Guid> CityIds { get; private set; } = [];

    /// <summary>Every indicator of the scheme; otherwise only <see cref="IndicatorCodes"/>.</summary>
    public bool AllIndicators { get; private set; }

    public List<string> IndicatorCodes { get; private set; } = [];

    public string SecretHash { get; private set; }

    public string SecretSalt { get; private set; }

    public DateTime? RevokedTime { get; private set; }

    public string? RevokeReason { get; private set; }

    public bool IsRevoked => RevokedTime is not null;

    public bool MayWriteCity(Guid cityId) => CityIds.Contains(cityId);

    public bool MayWriteIndicator(string code) => AllIndicators || IndicatorCodes.Contains(code, StringComparer.Ordinal);

    /// <summary>Compares in constant time; a revoked client's secret no longer matches anything.</summary>
    public bool SecretMatches(string? secret) =>
        !IsRevoked && !string.IsNullOrEmpty(secret) && secret.Length <= 200
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret, SecretSalt)), Encoding.ASCII.GetBytes(SecretHash));

    public void Revoke(string reason, DateTime now)
    {
        if (IsRevoked)
        {
            throw new BusinessException(FeedErrorCodes.AlreadyRevoked, Name);
        }

        RevokedTime = now;
        RevokeReason = reason.Trim();
    }

    private static string Hash(string secret, string salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Convert.FromBase64String(salt), Iterations, HashAlgorithmName.SHA256, 32));
}

/// <summary>
/// One real import of a client, keyed by the client's idempotency key: the same key again answers the stored summary
/// without writing; the same key with another body is refused (409).
/// </summary>
public class FeedImport : Entity, IMultiTenant, IHasCreationTime
{
    private FeedImport()
    {
        IdempotencyKey = RequestHash = SummaryJson = string.Empty;
    }

    public FeedImport(Guid id, Guid clientId, string idempotencyKey, string requestHash, int imported, int updated, int ignored, string summaryJson)
        : base(id)
    {
        ClientId = clientId;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
        Imported = imported;
        Updated = updated;
        Ignored = ignored;
        SummaryJson = summaryJson;
    }

    /// <summary>The client's own tenant (the province's clients: none), so a city reads its clients' imports.</summary>
    public Guid? TenantId { get; set; }

    public Guid ClientId { get; private set; }

    public string IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of the request body as received (hex).</summary>
    public string RequestHash { get; private set; }

    public int Imported { get; private set; }

    public int Updated { get; private set; }

    public int Ignored { get; private set; }

    /// <summary>The summary answered the first time, answered again to a repeat.</summary>
    public string SummaryJson { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}
