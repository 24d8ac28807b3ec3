namespace PilotAssessment.Agreements;

/// <summary>One city of a bulk issue with its own targets (the template's for lines not named).</summary>
public sealed class BulkIssueCityInput
{
    public Guid CityId { get; set; }

    public List<AgreementTargetInput> Targets { get; set; } = [];
}

/// <summary>
/// Every selected city's agreement of a year from one template agreement, all or none. A city without an agreement
/// of the year gets a new one; its draft is redrafted; one already issued is left as it is when it says the same,
/// else refused (it is changed by an amendment). Issuing twice changes nothing the second time.
/// </summary>
public sealed class BulkIssueAgreementsInput
{
    public Guid TemplateId { get; set; }

    /// <summary>Defaults to the template's year; key tasks' dates move into it.</summary>
    public int? Year { get; set; }

    public List<BulkIssueCityInput> Cities { get; set; } = [];

    /// <summary>Also issue (下达) every agreement; false leaves them drafts.</summary>
    public bool Issue { get; set; }
}

/// <param name="Outcome">Created, Updated or Unchanged.</param>
public sealed record BulkIssueRowDto(Guid CityId, string CityName, Guid AgreementId, int Version, string Outcome, string Status);

public sealed record BulkIssueResultDto(int Year, IReadOnlyList<BulkIssueRowDto> Rows);
