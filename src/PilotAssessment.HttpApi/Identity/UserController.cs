using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

/// <summary>用户</summary>
[Route("api/app/users")]
[Authorize(PilotAssessmentPermissions.Users.Default)]
public sealed class UserController(IUserAppService users) : PilotAssessmentController
{
    /// <summary>列出用户</summary>
    [HttpGet]
    public Task<PagedResultDto<UserDto>> GetListAsync([FromQuery] PagedAndFilteredRequestDto input) => users.GetListAsync(input);

    /// <summary>读取一个用户</summary>
    [HttpGet("{id:guid}")]
    public Task<UserDto> GetAsync(Guid id) => users.GetAsync(id);

    /// <summary>新建用户</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Users.Create)]
    public Task<UserDto> CreateAsync(CreateUserInput input) => users.CreateAsync(input);

    /// <summary>修改用户</summary>
    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Users.Update)]
    public Task<UserDto> UpdateAsync(Guid id, UpdateUserInput input) => users.UpdateAsync(id, input);

    /// <summary>删除用户</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Users.Delete)]
    public Task DeleteAsync(Guid id) => users.DeleteAsync(id);
}
