namespace PilotAssessment.Services;

/// <summary>
/// Marks an application service interface: every call through it runs in the application pipeline (one unit of work,
/// the declared permission checked).
/// </summary>
public interface IApplicationService;
