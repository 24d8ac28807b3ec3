namespace PilotAssessment.Feeds;

/// <summary>Registering, listing and revoking data feeds (数据接口), and their import history.</summary>
public interface IFeedClientAppService : IApplicationService
{
    Task<List<FeedClientDto>> GetListAsync();

    Task<FeedClientCreatedDto> CreateAsync(CreateFeedClientInput input);

    Task<FeedClientDto> RevokeAsync(Guid id, RevokeFeedClientInput input);

    Task<List<FeedImportDto>> GetImportsAsync(Guid id);
}

/// <summary>A feed client's access token for its client credentials.</summary>
public interface IFeedTokenAppService : IApplicationService
{
    Task<FeedTokenDto> IssueAsync(FeedTokenInput input);
}

/// <summary>The bulk import of a feed client (all or nothing per request; a dry run only checks).</summary>
public interface IFeedImportAppService : IApplicationService
{
    Task<FeedImportSummaryDto> ImportAsync(FeedImportRequest request);
}
