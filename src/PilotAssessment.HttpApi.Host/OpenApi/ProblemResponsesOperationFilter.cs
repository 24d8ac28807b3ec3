using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PilotAssessment.OpenApi;

/// <summary>
/// Documents the errors every operation can answer with (all as localized ProblemDetails), and whether it needs a
/// bearer token: 400 for bad input, 401/403 where a permission is required, 404 where the route names a resource,
/// 409 where a write can meet a state or concurrency conflict, 429 where a rate limit applies.
/// </summary>
public sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        var method = context.ApiDescription.HttpMethod ?? "GET";
        var route = context.ApiDescription.RelativePath ?? string.Empty;

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validation = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        Add(operation, "400", "输入无效：字段错误在 errors 中，已本地化。", validation);
        if (anonymous)
        {
            // An empty requirement list overrides the document's default: no token needed.
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            Add(operation, "401", "未登录或令牌无效、已过期。", problem);
            Add(operation, "403", "当前用户没有此操作所需的权限。", problem);
        }

        if (route.Contains('{'))
        {
            Add(operation, "404", "资源不存在，或不属于当前城市或单位。", problem);
        }

        if (!HttpMethods.IsGet(method))
        {
            Add(operation, "409", "与当前状态冲突，或已被他人修改（并发戳不符）。", problem);
        }

        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            Add(operation, "429", "请求过于频繁，请稍后再试。", problem);
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        };
    }
}
