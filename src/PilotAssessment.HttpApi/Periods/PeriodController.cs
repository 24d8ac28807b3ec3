namespace PilotAssessment.Periods;

/// <summary>考评周期</summary>
[Route("api/app/periods")]
[Authorize(PilotAssessmentPermissions.Periods.Default)]
public sealed class PeriodController(IPeriodAppService periods) : PilotAssessmentController
{
    /// <summary>列出考评周期</summary>
    [HttpGet]
    public Task<List<PeriodDto>> GetListAsync([FromQuery] GetPeriodsInput input) => periods.GetListAsync(input);

    /// <summary>读取一个考评周期</summary>
    [HttpGet("{id:guid}")]
    public Task<PeriodDto> GetAsync(Guid id) => periods.GetAsync(id);

    /// <summary>新建考评周期</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> CreateAsync(CreatePeriodInput input) => periods.CreateAsync(input);

    /// <summary>修改填报时间窗口</summary>
    [HttpPut("{id:guid}/window")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> UpdateWindowAsync(Guid id, UpdatePeriodWindowInput input) => periods.UpdateWindowAsync(id, input);

    /// <summary>开启填报</summary>
    [HttpPost("{id:guid}/open")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> OpenAsync(Guid id) => periods.OpenAsync(id);

    /// <summary>截止填报</summary>
    [HttpPost("{id:guid}/close")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<PeriodDto> CloseAsync(Guid id) => periods.CloseAsync(id);

    /// <summary>列出截止后的补报许可</summary>
    [HttpGet("{id:guid}/lock-exceptions")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<List<LockExceptionDto>> GetLockExceptionsAsync(Guid id) => periods.GetLockExceptionsAsync(id);

    /// <summary>给城市或指标开补报许可</summary>
    [HttpPost("{id:guid}/lock-exceptions")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<LockExceptionDto> CreateLockExceptionAsync(Guid id, CreateLockExceptionInput input) => periods.CreateLockExceptionAsync(id, input);

    /// <summary>列出某城市参与本周期的单位</summary>
    /// <remarks>The city's open units, so the official can pick the unit of a lock exception.</remarks>
    [HttpGet("{id:guid}/cities/{cityId:guid}/units")]
    [Authorize(PilotAssessmentPermissions.Periods.Manage)]
    public Task<List<CityUnitDto>> GetCityUnitsAsync(Guid id, Guid cityId) => periods.GetCityUnitsAsync(id, cityId);
}

/// <summary>消息</summary>
[Route("api/app/notifications")]
[Authorize]
public sealed class NotificationController(INotificationAppService notifications) : PilotAssessmentController
{
    /// <summary>列出当前用户的消息</summary>
    [HttpGet]
    public Task<List<NotificationDto>> GetMineAsync([FromQuery] bool unreadOnly = false) => notifications.GetMineAsync(unreadOnly);

    /// <summary>把消息标为已读</summary>
    [HttpPost("{id:guid}/read")]
    public Task MarkReadAsync(Guid id) => notifications.MarkReadAsync(id);
}
