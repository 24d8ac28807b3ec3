using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;

namespace PilotAssessment.Hardening;

/// <summary>
/// The 400 of invalid model state: field names as the client sends them (<c>kind</c>, <c>items[3]</c>, not <c>$.kind</c>),
/// messages given as "Code|arg|…" localized, and the serializer's own English messages (type names, byte positions)
/// replaced by a localized one.
/// </summary>
public static class LocalizedModelStateResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var services = context.HttpContext.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<PilotAssessmentResource>>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = FieldOf(key);
            var fromJson = key.StartsWith('$');
            var messages = entry.Errors.Select(e => Localize(localizer, e.ErrorMessage, field, fromJson || e.Exception is not null)).Distinct().ToArray();
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }

        // A body that failed to bind also reports the parameter itself as required; the fields already say why.
        if (errors.Keys.Any(k => k.Length > 0 && !context.ActionDescriptor.Parameters.Any(p => p.Name == k)))
        {
            foreach (var parameter in context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body))
            {
                errors.Remove(parameter.Name);
            }
        }

        var factory = services.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(context.HttpContext, new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary(), StatusCodes.Status400BadRequest);
        foreach (var (field, messages) in errors)
        {
            problem.Errors[field] = messages;
        }

        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string FieldOf(string key) => key switch
    {
        "$" => string.Empty,
        _ when key.StartsWith("$.", StringComparison.Ordinal) => key[2..],
        _ when key.StartsWith('$') => key[1..],
        _ => key,
    };

    private static string Localize(IStringLocalizer localizer, string message, string field, bool fromSerializer)
    {
        var parts = (message ?? string.Empty).Split('|');
        if (parts[0].StartsWith("Validation:", StringComparison.Ordinal) || parts[0].StartsWith("Error:", StringComparison.Ordinal))
        {
            var text = localizer[parts[0], parts.Skip(1).Cast<object>().ToArray()];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        // The serializer's messages name .NET types and byte positions; a person gets a plain sentence in their language.
        return fromSerializer ? localizer["Validation:JsonInvalid", field].Value : message ?? string.Empty;
    }
}
