using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

[Route("api/app/roles")]
[Authorize(PilotAssessmentPermissions.Roles.Default)]
public sealed class RoleController(IRoleAppService roles) : PilotAssessmentController
{
    [HttpGet]
    public Task<PagedResultDto<RoleDto>> GetListAsync() => roles.GetListAsync();

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Roles.Create)]
    public Task<RoleDto> CreateAsync(RoleInput input) => roles.CreateAsync(input);

    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Roles.Update)]
    public Task<RoleDto> UpdateAsync(Guid id, RoleInput input) => roles.UpdateAsync(id, input);

    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Roles.Delete)]
    public Task DeleteAsync(Guid id) => roles.DeleteAsync(id);

    [HttpGet("{id:guid}/permissions")]
    public Task<PermissionListDto> GetPermissionsAsync(Guid id) => roles.GetPermissionsAsync(id);

    [HttpPut("{id:guid}/permissions")]
    [Authorize(PilotAssessmentPermissions.Roles.ManagePermissions)]
    public Task UpdatePermissionsAsync(Guid id, UpdatePermissionsInput input) => roles.UpdatePermissionsAsync(id, input);
}
