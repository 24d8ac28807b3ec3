namespace PilotAssessment.Todo;

/// <summary>待办</summary>
[Route("api/app/todo")]
[Authorize]
public sealed class TodoController(ITodoAppService todo) : PilotAssessmentController
{
    /// <summary>读取当前用户的待办</summary>
    /// <remarks>Lines to enter and returned lines, lines to check and the submission, the review queue, periods by state and late cities, overdue problems: each by the caller's permissions, city and unit.</remarks>
    [HttpGet]
    public Task<TodoDto> GetMineAsync() => todo.GetMineAsync();

    /// <summary>催报：提醒一个未提交的城市</summary>
    /// <remarks>An in-app notification to every clerk and administrator of the city (and an e-mail where configured); once a Beijing day per period and city.</remarks>
    [HttpPost("periods/{periodId:guid}/cities/{cityId:guid}/urge")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<UrgeResultDto> UrgeAsync(Guid periodId, Guid cityId) => todo.UrgeAsync(periodId, cityId);
}
