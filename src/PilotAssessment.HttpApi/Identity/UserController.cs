using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

[Route("api/app/users")]
[Authorize(PilotAssessmentPermissions.Users.Default)]
public sealed class UserController(IUserAppService users) : PilotAssessmentController
{
    [HttpGet]
    public Task<PagedResultDto<UserDto>> GetListAsync([FromQuery] PagedAndFilteredRequestDto input) => users.GetListAsync(input);

    [HttpGet("{id:guid}")]
    public Task<UserDto> GetAsync(Guid id) => users.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Users.Create)]
    public Task<UserDto> CreateAsync(CreateUserInput input) => users.CreateAsync(input);

    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Users.Update)]
    public Task<UserDto> UpdateAsync(Guid id, UpdateUserInput input) => users.UpdateAsync(id, input);

    [HttpDelete("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Users.Delete)]
    public Task DeleteAsync(Guid id) => users.DeleteAsync(id);
}
