using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

/// <summary>角色与权限</summary>
[Route("api/app/roles")]
[Authorize(PilotAssessmentPermissions.Roles.Default)]
public sealed class RoleController(IRoleAppService roles) : PilotAssessmentController
{
    /// <summary>列出角色</summary>
    [HttpGet]
    public Task<PagedResultDto<RoleDto>> GetListAsync() => roles.GetListAsync();

    /// <summary>新建角色</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Roles.Create)]
    public Task<RoleDto> CreateAsync(RoleInput input) => roles.CreateAsync(input);

    /// <summary>修改角色</summary>
    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Roles.Update)]
    public Task<RoleDto> UpdateAsync(Guid id, RoleInput input) => roles.UpdateAsync(id, input);

    /// <summary>删除角色</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Roles.Delete)]
    public Task DeleteAsync(Guid id) => roles.DeleteAsync(id);

    /// <summary>读取角色的权限</summary>
    [HttpGet("{id:guid}/permissions")]
    public Task<PermissionListDto> GetPermissionsAsync(Guid id) => roles.GetPermissionsAsync(id);

    /// <summary>设置角色的权限</summary>
    [HttpPut("{id:guid}/permissions")]
    [Authorize(PilotAssessmentPermissions.Roles.ManagePermissions)]
    public Task UpdatePermissionsAsync(Guid id, UpdatePermissionsInput input) => roles.UpdatePermissionsAsync(id, input);
}
