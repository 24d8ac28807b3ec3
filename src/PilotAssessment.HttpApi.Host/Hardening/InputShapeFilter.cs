using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace PilotAssessment.Hardening;

/// <summary>
/// Checks the shape of every bound request object, for all DTOs at once: no <c>null</c> element in a list
/// (<c>items[3]</c>), no <c>null</c> where the DTO declares a non-nullable object or list, no list or map beyond
/// <see cref="MaxCollectionItems"/> (unless the property carries its own [MaxLength]), and no map key or listed text
/// beyond <see cref="MaxKeyLength"/> characters, and no text without its own [StringLength]/[MaxLength] beyond
/// <see cref="MaxTextLength"/> characters (a concurrency stamp or a code nobody bounded). Problems are field errors of a localized 400, as model validation's are.
/// </summary>
public sealed class InputShapeFilter(IOptions<ApiBehaviorOptions> apiBehavior) : IAsyncActionFilter
{
    public const int MaxCollectionItems = 10_000;

    public const int MaxKeyLength = 256;

    public const int MaxTextLength = 8_000;

    private const int MaxDepth = 16;

    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Dictionary<PropertyInfo, bool> NonNullable = [];

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var errors = new List<(string Key, string Message)>();
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (context.ActionArguments.TryGetValue(parameter.Name, out var argument) && argument is not null && IsDto(argument.GetType()))
            {
                Walk(argument, string.Empty, 0, errors);
            }
        }

        if (errors.Count == 0)
        {
            await next();
            return;
        }

        foreach (var (key, message) in errors)
        {
            context.ModelState.AddModelError(key, message);
        }

        context.Result = apiBehavior.Value.InvalidModelStateResponseFactory(context);
    }

    private static bool IsDto(Type type) => type.Namespace?.StartsWith("PilotAssessment", StringComparison.Ordinal) == true && type.IsClass && type != typeof(string);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static void Walk(object value, string path, int depth, List<(string, string)> errors)
    {
        if (depth > MaxDepth || errors.Count > 100)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || !property.CanWrite || property.PropertyType.IsValueType)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                if (property.GetValue(value) is string { Length: > MaxTextLength } && !HasOwnLengthBound(property))
                {
                    errors.Add((Join(path, CamelCase(property.Name)), $"Validation:TextTooLong|{MaxTextLength}"));
                }

                continue;
            }

            var name = Join(path, CamelCase(property.Name));
            var child = property.GetValue(value);
            if (child is null)
            {
                if (IsNonNullable(property))
                {
                    errors.Add((name, "Validation:Required"));
                }

                continue;
            }

            var maxItems = property.GetCustomAttribute<System.ComponentModel.DataAnnotations.MaxLengthAttribute>()?.Length ?? MaxCollectionItems;
            switch (child)
            {
                case IDictionary dictionary:
                    if (dictionary.Count > maxItems)
                    {
                        errors.Add((name, $"Validation:TooManyItems|{maxItems}"));
                        continue;
                    }

                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = $"{name}[{entry.Key}]";
                        if (entry.Key is string { Length: > MaxKeyLength })
                        {
                            errors.Add(($"{name}", $"Validation:KeyTooLong|{MaxKeyLength}"));
                        }
                        else if (entry.Value is null && !IsNullableValue(dictionary.GetType()))
                        {
                            errors.Add((key, "Validation:NullElement"));
                        }
                        else if (entry.Value is { } element && IsDto(element.GetType()))
                        {
                            Walk(element, key, depth + 1, errors);
                        }
                    }

                    break;
                case IEnumerable items and not string:
                    var index = 0;
                    foreach (var element in items)
                    {
                        if (index >= maxItems)
                        {
                            errors.Add((name, $"Validation:TooManyItems|{maxItems}"));
                            break;
                        }

                        var key = $"{name}[{index}]";
                        if (element is null)
                        {
                            errors.Add((key, "Validation:NullElement"));
                        }
                        else if (element is string { Length: > MaxKeyLength })
                        {
                            errors.Add((key, $"Validation:KeyTooLong|{MaxKeyLength}"));
                        }
                        else if (IsDto(element.GetType()))
                        {
                            Walk(element, key, depth + 1, errors);
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsDto(child.GetType()) && child is not System.Text.Json.JsonElement)
                    {
                        Walk(child, name, depth + 1, errors);
                    }

                    break;
            }
        }
    }

    private static bool HasOwnLengthBound(PropertyInfo property) =>
        property.IsDefined(typeof(System.ComponentModel.DataAnnotations.StringLengthAttribute), true)
        || property.IsDefined(typeof(System.ComponentModel.DataAnnotations.MaxLengthAttribute), true);

    // Map values of a nullable type (Dictionary<string, decimal?>, Dictionary<string, string?>) may be null.
    private static bool IsNullableValue(Type dictionaryType)
    {
        var valueType = dictionaryType.GetGenericArguments().LastOrDefault();
        return valueType is null || Nullable.GetUnderlyingType(valueType) is not null;
    }

    private static bool IsNonNullable(PropertyInfo property)
    {
        lock (NonNullable)
        {
            if (!NonNullable.TryGetValue(property, out var nonNullable))
            {
                nonNullable = Nullability.Create(property).WriteState == NullabilityState.NotNull;
                NonNullable[property] = nonNullable;
            }

            return nonNullable;
        }
    }
}
