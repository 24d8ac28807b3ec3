using Microsoft.AspNetCore.Mvc.Controllers;

namespace PilotAssessment.OpenApi;

/// <summary>
/// "Scheme_Publish": the stable name of an operation, used by the OpenAPI document (and so the generated Angular
/// client's methods) and by the audit log, which reads it back as the event's action.
/// </summary>
public static class OperationIds
{
    public static string Of(ControllerActionDescriptor action) => $"{action.ControllerName}_{action.ActionName.Replace("Async", string.Empty)}";

    public static string? Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action ? Of(action) : null;
}
