namespace PilotAssessment.Periods;

[Route("api/app/periods")]
[Authorize(PilotAssessmentPermissions.Periods.Default)]
public sealed class PeriodController(IPeriodAppService periods) : PilotAssessmentController
{
    [HttpGet]
    public Task<List<PeriodDto>> GetListAsync([FromQuery] GetPeriodsInput input) => periods.GetListAsync(input);

    [HttpGet("{id:guid}")]
    public Task<PeriodDto> GetAsync(Guid id) => periods.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> CreateAsync(CreatePeriodInput input) => periods.CreateAsync(input);

    [HttpPut("{id:guid}/window")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> UpdateWindowAsync(Guid id, UpdatePeriodWindowInput input) => periods.UpdateWindowAsync(id, input);

    [HttpPost("{id:guid}/open")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> OpenAsync(Guid id) => periods.OpenAsync(id);

    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> CloseAsync(Guid id) => periods.CloseAsync(id);

    [HttpGet("{id:guid}/lock-exceptions")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<List<LockExceptionDto>> GetLockExceptionsAsync(Guid id) => periods.GetLockExceptionsAsync(id);

    [HttpPost("{id:guid}/lock-exceptions")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<LockExceptionDto> CreateLockExceptionAsync(Guid id, CreateLockExceptionInput input) => periods.CreateLockExceptionAsync(id, input);

    /// <summary>The city's open units, so the official can pick the unit of a lock exception.</summary>
    [HttpGet("{id:guid}/cities/{cityId:guid}/units")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<List<CityUnitDto>> GetCityUnitsAsync(Guid id, Guid cityId) => periods.GetCityUnitsAsync(id, cityId);
}

[Route("api/app/notifications")]
[Authorize]
public sealed class NotificationController(INotificationAppService notifications) : PilotAssessmentController
{
    [HttpGet]
    public Task<List<NotificationDto>> GetMineAsync([FromQuery] bool unreadOnly = false) => notifications.GetMineAsync(unreadOnly);

    [HttpPost("{id:guid}/read")]
    public Task MarkReadAsync(Guid id) => notifications.MarkReadAsync(id);
}
