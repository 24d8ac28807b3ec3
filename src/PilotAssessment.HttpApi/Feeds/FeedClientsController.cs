namespace PilotAssessment.Feeds;

/// <summary>数据接口管理</summary>
[Route("api/app/feeds/clients")]
[Authorize(PilotAssessmentPermissions.Feeds.Manage)]
public sealed class FeedClientsController(IFeedClientAppService clients) : PilotAssessmentController
{
    /// <summary>列出数据接口（省级看全部，城市看本市）</summary>
    [HttpGet]
    public Task<List<FeedClientDto>> GetListAsync() => clients.GetListAsync();

    /// <summary>登记数据接口，返回只显示一次的密钥</summary>
    [HttpPost]
    public Task<FeedClientCreatedDto> CreateAsync(CreateFeedClientInput input) => clients.CreateAsync(input);

    /// <summary>停用数据接口（需填写原因）</summary>
    [HttpPost("{id:guid}/revoke")]
    public Task<FeedClientDto> RevokeAsync(Guid id, RevokeFeedClientInput input) => clients.RevokeAsync(id, input);

    /// <summary>数据接口的导入记录</summary>
    [HttpGet("{id:guid}/imports")]
    public Task<List<FeedImportDto>> GetImportsAsync(Guid id) => clients.GetImportsAsync(id);
}
