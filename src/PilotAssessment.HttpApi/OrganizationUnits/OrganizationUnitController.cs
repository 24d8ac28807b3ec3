namespace PilotAssessment.OrganizationUnits;

/// <summary>单位</summary>
[Route("api/app/organization-units")]
[Authorize(PilotAssessmentPermissions.OrganizationUnits.Default)]
public sealed class OrganizationUnitController(IOrganizationUnitAppService units) : PilotAssessmentController
{
    /// <summary>读取城市的单位树</summary>
    /// <remarks>The city's unit tree (roots with their children).</remarks>
    [HttpGet]
    public Task<List<OrganizationUnitDto>> GetTreeAsync([FromQuery] bool includeClosed = false) => units.GetTreeAsync(includeClosed);

    /// <summary>列出当前用户所在的单位</summary>
    [HttpGet("mine")]
    public Task<List<OrganizationUnitDto>> GetMineAsync() => units.GetMineAsync();

    /// <summary>读取一个单位</summary>
    [HttpGet("{id:guid}")]
    public Task<OrganizationUnitDto> GetAsync(Guid id) => units.GetAsync(id);

    /// <summary>新建单位</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> CreateAsync(CreateOrganizationUnitInput input) => units.CreateAsync(input);

    /// <summary>重命名单位</summary>
    [HttpPut("{id:guid}/name")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> RenameAsync(Guid id, RenameOrganizationUnitInput input) => units.RenameAsync(id, input);

    /// <summary>移动单位到另一上级单位下</summary>
    [HttpPost("{id:guid}/move")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> MoveAsync(Guid id, MoveOrganizationUnitInput input) => units.MoveAsync(id, input);

    /// <summary>撤销单位</summary>
    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> CloseAsync(Guid id) => units.CloseAsync(id);

    /// <summary>列出单位的人员</summary>
    [HttpGet("{id:guid}/members")]
    public Task<List<UnitMemberDto>> GetMembersAsync(Guid id) => units.GetMembersAsync(id);

    /// <summary>把用户加入单位</summary>
    [HttpPost("{id:guid}/members/{userId:guid}")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task AddMemberAsync(Guid id, Guid userId) => units.AddMemberAsync(id, userId);

    /// <summary>把用户移出单位</summary>
    [HttpDelete("{id:guid}/members/{userId:guid}")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task RemoveMemberAsync(Guid id, Guid userId) => units.RemoveMemberAsync(id, userId);
}
