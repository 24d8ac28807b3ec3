namespace PilotAssessment;

/// <summary>Base of the product's API controllers: JSON in and out, ProblemDetails on error.</summary>
[ApiController]
[Produces("application/json")]
public abstract class PilotAssessmentController : ControllerBase;
