using System.Text.Json.Serialization;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Feeds;

public sealed class FeedClientDto
{
    /// <summary>The client_id of the token request.</summary>
    public Guid Id { get; set; }

    /// <summary>Null: registered by the province.</summary>
    public Guid? TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Department { get; set; } = string.Empty;

    public List<Guid> CityIds { get; set; } = [];

    /// <summary>The cities' display names, in the order of <see cref="CityIds"/>.</summary>
    public List<string> CityNames { get; set; } = [];

    public bool AllIndicators { get; set; }

    public List<string> IndicatorCodes { get; set; } = [];

    public DateTime CreationTime { get; set; }

    public DateTime? RevokedTime { get; set; }

    public string? RevokeReason { get; set; }

    /// <summary>When it last imported (not a dry run), if ever.</summary>
    public DateTime? LastImportTime { get; set; }
}

/// <summary>A new client with its secret: shown this once, never again.</summary>
public sealed class FeedClientCreatedDto
{
    public FeedClientDto Client { get; set; } = new();

    public string ClientSecret { get; set; } = string.Empty;
}

public sealed class CreateFeedClientInput
{
    [StringLength(FeedConsts.MaxNameLength)]
    public string Name { get; set; } = string.Empty;

    [StringLength(FeedConsts.MaxDepartmentLength)]
    public string Department { get; set; } = string.Empty;

    /// <summary>The cities it may write; a city's administrator registers clients for the own city only (may be left empty).</summary>
    public List<Guid> CityIds { get; set; } = [];

    /// <summary>Every indicator of the scheme; else only <see cref="IndicatorCodes"/> (at least one).</summary>
    public bool AllIndicators { get; set; }

    public List<string> IndicatorCodes { get; set; } = [];
}

public sealed class RevokeFeedClientInput
{
    [StringLength(FeedConsts.MaxReasonLength)]
    public string Reason { get; set; } = string.Empty;
}

/// <summary>OAuth 2.0 client credentials (RFC 6749 §4.4), as JSON or a form.</summary>
public sealed class FeedTokenInput
{
    [JsonPropertyName("grant_type")]
    public string? GrantType { get; set; }

    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }
}

/// <summary>An OAuth 2.0 token response.</summary>
public sealed class FeedTokenDto
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = string.Empty;

    [JsonPropertyName("token_type")]
    public string TokenType { get; set; } = "Bearer";

    /// <summary>Seconds the token is valid.</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }
}

/// <summary>The JSON body of an import: the rows.</summary>
public sealed class FeedImportInput
{
    public List<FeedRowInput> Rows { get; set; } = [];
}

/// <summary>One value: the city (its name as in the city list, or its id), the period (its id or its name), the indicator code and the value in the rule's fields.</summary>
public sealed class FeedRowInput
{
    public string? City { get; set; }

    public string? Period { get; set; }

    public string? Indicator { get; set; }

    public EntryValueDto? Value { get; set; }

    public string? Note { get; set; }

    /// <summary>Where the evidence is in the department's own system (a URL or a file number).</summary>
    public string? Evidence { get; set; }
}

/// <summary>What an import is asked: the body as received (JSON or CSV), whether only to check it, and the client's idempotency key.</summary>
public sealed class FeedImportRequest
{
    /// <summary>The request body, read once as it arrives (JSON and CSV are parsed while streaming).</summary>
    public Stream Body { get; set; } = Stream.Null;

    /// <summary>application/json (the default) or text/csv.</summary>
    public string? ContentType { get; set; }

    public bool DryRun { get; set; }

    public string? IdempotencyKey { get; set; }
}

/// <summary>The import summary (as DHIS2's): counts and every refused row with its field.</summary>
public sealed class FeedImportSummaryDto
{
    /// <summary>Imported, or DryRun when nothing was saved.</summary>
    public string Status { get; set; } = string.Empty;

    public bool DryRun { get; set; }

    /// <summary>True when this answer repeats the first import with the same idempotency key (nothing written now).</summary>
    public bool Replayed { get; set; }

    public Guid? ImportId { get; set; }

    public string? IdempotencyKey { get; set; }

    public DateTime Time { get; set; }

    public int Rows { get; set; }

    /// <summary>New lines.</summary>
    public int Imported { get; set; }

    /// <summary>Lines whose value or note changed.</summary>
    public int Updated { get; set; }

    /// <summary>Rows that changed nothing (the same value again).</summary>
    public int Ignored { get; set; }
}

/// <summary>One past import of a client (its history).</summary>
public sealed class FeedImportDto
{
    public Guid Id { get; set; }

    public string IdempotencyKey { get; set; } = string.Empty;

    public DateTime Time { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Ignored { get; set; }
}
