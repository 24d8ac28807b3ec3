namespace PilotAssessment.Agreements;

/// <summary>The province issues every city's agreement of a year from one template, with per-city targets.</summary>
public interface IAgreementBulkIssueAppService : IApplicationService
{
    Task<BulkIssueResultDto> BulkIssueAsync(BulkIssueAgreementsInput input);
}
