namespace PilotAssessment.OrganizationUnits;

[Route("api/app/organization-units")]
[Authorize(PilotAssessmentPermissions.OrganizationUnits.Default)]
public sealed class OrganizationUnitController(IOrganizationUnitAppService units) : PilotAssessmentController
{
    /// <summary>The city's unit tree (roots with their children).</summary>
    [HttpGet]
    public Task<List<OrganizationUnitDto>> GetTreeAsync([FromQuery] bool includeClosed = false) => units.GetTreeAsync(includeClosed);

    [HttpGet("mine")]
    public Task<List<OrganizationUnitDto>> GetMineAsync() => units.GetMineAsync();

    [HttpGet("{id:guid}")]
    public Task<OrganizationUnitDto> GetAsync(Guid id) => units.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> CreateAsync(CreateOrganizationUnitInput input) => units.CreateAsync(input);

    [HttpPut("{id:guid}/name")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> RenameAsync(Guid id, RenameOrganizationUnitInput input) => units.RenameAsync(id, input);

    [HttpPost("{id:guid}/move")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> MoveAsync(Guid id, MoveOrganizationUnitInput input) => units.MoveAsync(id, input);

    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task<OrganizationUnitDto> CloseAsync(Guid id) => units.CloseAsync(id);

    [HttpGet("{id:guid}/members")]
    public Task<List<UnitMemberDto>> GetMembersAsync(Guid id) => units.GetMembersAsync(id);

    [HttpPost("{id:guid}/members/{userId:guid}")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task AddMemberAsync(Guid id, Guid userId) => units.AddMemberAsync(id, userId);

    [HttpDelete("{id:guid}/members/{userId:guid}")]
    [Authorize(PilotAssessmentPermissions.OrganizationUnits.Manage)]
    public Task RemoveMemberAsync(Guid id, Guid userId) => units.RemoveMemberAsync(id, userId);
}
