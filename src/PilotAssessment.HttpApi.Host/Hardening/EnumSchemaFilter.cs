using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PilotAssessment.Hardening;

/// <summary>
/// Enums are integers on the wire; the OpenAPI document names their values (<c>x-enumNames</c>, <c>x-enum-varnames</c>
/// and a "value = name" description), so a client and a reader see 0 = Year, 1 = HalfYear rather than bare numbers.
/// </summary>
public sealed class EnumSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!type.IsEnum || schema is not OpenApiSchema concrete)
        {
            return;
        }

        var members = Enum.GetValues(type).Cast<object>()
            .Select(v => (Value: Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), Name: Enum.GetName(type, v)!))
            .ToList();
        var names = new JsonArray([.. members.Select(m => JsonValue.Create(m.Name))]);
        concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        concrete.Extensions["x-enumNames"] = new JsonNodeExtension(names);
        concrete.Extensions["x-enum-varnames"] = new JsonNodeExtension(names.DeepClone());
        var listing = string.Join(", ", members.Select(m => $"{m.Value} = {m.Name}"));
        concrete.Description = string.IsNullOrWhiteSpace(concrete.Description) ? listing : $"{concrete.Description} ({listing})";
    }
}
