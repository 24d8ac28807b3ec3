namespace PilotAssessment.Feeds;

public static class FeedConsts
{
    public const int MaxNameLength = 64;

    public const int MaxDepartmentLength = 64;

    public const int MaxReasonLength = 500;

    public const int MaxIdempotencyKeyLength = 100;

    public const int MaxEvidenceReferenceLength = 500;

    /// <summary>
    /// Most rows of one import request: a whole province (300 cities × 150 indicators = 45,000) in one request. The
    /// rows are checked with one query per kind and written in bulk, so the cost follows the rows (benchmarks/README.md).
    /// </summary>
    public const int MaxRows = 50_000;

    /// <summary>Most bytes of one import request body (JSON or CSV): 50,000 rows of about 600 bytes each.</summary>
    public const long MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Lifetime of a feed client's access token.</summary>
    public const int TokenMinutes = 15;

    /// <summary>The claim naming the feed client in its access token; a user's token never has it.</summary>
    public const string ClientIdClaimType = "client_id";

    /// <summary>The authentication scheme and authorization policy of feed clients.</summary>
    public const string AuthenticationScheme = "FeedClient";

    /// <summary>Most errors listed in an import summary; the count of all is always given.</summary>
    public const int MaxListedErrors = 1000;
}

public static class FeedErrorCodes
{
    public const string NameRequired = "Feeds:NameRequired";
    public const string DepartmentRequired = "Feeds:DepartmentRequired";
    public const string TextTooLong = "Feeds:TextTooLong";
    public const string CitiesRequired = "Feeds:CitiesRequired";
    public const string UnknownCity = "Feeds:UnknownCity";
    public const string OwnCityOnly = "Feeds:OwnCityOnly";
    public const string IndicatorsRequired = "Feeds:IndicatorsRequired";
    public const string ReasonRequired = "Feeds:ReasonRequired";
    public const string AlreadyRevoked = "Feeds:AlreadyRevoked";
    public const string InvalidClient = "Feeds:InvalidClient";
    public const string ClientRevoked = "Feeds:ClientRevoked";
    public const string NotAFeedClient = "Feeds:NotAFeedClient";
    public const string IdempotencyKeyRequired = "Feeds:IdempotencyKeyRequired";
    public const string IdempotencyKeyReused = "Feeds:IdempotencyKeyReused";
    public const string NoRows = "Feeds:NoRows";
    public const string TooManyRows = "Feeds:TooManyRows";
    public const string BodyTooLarge = "Feeds:BodyTooLarge";
    public const string UnsupportedContentType = "Feeds:UnsupportedContentType";
    public const string MalformedJson = "Feeds:MalformedJson";
    public const string MalformedCsv = "Feeds:MalformedCsv";
    public const string CsvMissingColumn = "Feeds:CsvMissingColumn";
    public const string CsvUnknownColumn = "Feeds:CsvUnknownColumn";
    public const string CsvBadNumber = "Feeds:CsvBadNumber";
    public const string Invalid = "Feeds:Invalid";
    public const string RowCityRequired = "Feeds:RowCityRequired";
    public const string RowCityUnknown = "Feeds:RowCityUnknown";
    public const string RowCityNotAllowed = "Feeds:RowCityNotAllowed";
    public const string RowPeriodRequired = "Feeds:RowPeriodRequired";
    public const string RowPeriodUnknown = "Feeds:RowPeriodUnknown";
    public const string RowIndicatorRequired = "Feeds:RowIndicatorRequired";
    public const string RowIndicatorUnknown = "Feeds:RowIndicatorUnknown";
    public const string RowIndicatorNotAllowed = "Feeds:RowIndicatorNotAllowed";
    public const string RowIndicatorComputed = "Feeds:RowIndicatorComputed";
    public const string RowDuplicate = "Feeds:RowDuplicate";
    public const string RowValueRequired = "Feeds:RowValueRequired";
    public const string RowLineReported = "Feeds:RowLineReported";
    public const string RowRefused = "Feeds:RowRefused";
    public const string OverrideReasonRequired = "Feeds:OverrideReasonRequired";
    public const string SourceText = "Feeds:SourceText";
    public const string OverrideText = "Feeds:OverrideText";
}
