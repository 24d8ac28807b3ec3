using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PilotAssessment.DataEntry;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PilotAssessment.Feeds;

/// <summary>
/// The request bodies of the feed operations, which read their body themselves (JSON or a form for the token; JSON or
/// CSV for the values), with an example import, so a department's developer can write a client from the document.
/// </summary>
public sealed class FeedOpenApiFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        switch (operation.OperationId)
        {
            case "Feeds_Token":
                var token = context.SchemaGenerator.GenerateSchema(typeof(FeedTokenInput), context.SchemaRepository);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "客户端凭据（client_id、client_secret，grant_type=client_credentials）。",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/x-www-form-urlencoded"] = new() { Schema = token },
                        ["application/json"] = new() { Schema = token },
                    },
                };
                break;
            case "Feeds_ImportValues":
                var rows = context.SchemaGenerator.GenerateSchema(typeof(FeedImportInput), context.SchemaRepository);
                context.SchemaGenerator.GenerateSchema(typeof(EntryValueDto), context.SchemaRepository);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "数据行：JSON（{\"rows\":[…]}）或 CSV（UTF-8，首行为列名：city,period,indicator,number,lastYearNumber,grade,checklist,occurrences,surveyRates,note,evidence）。",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = rows, Example = JsonExample() },
                        ["text/csv"] = new()
                        {
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                            Example = JsonValue.Create("city,period,indicator,number,grade,note,evidence\n兰州,2026年度,B04,86.5,,公安局警情系统导出,JQ-2026-0412\n兰州,2026年度,F01,,优,,\n"),
                        },
                    },
                };
                break;
        }
    }

    private static JsonNode JsonExample() => new JsonObject
    {
        ["rows"] = new JsonArray
        {
            new JsonObject
            {
                ["city"] = "兰州",
                ["period"] = "2026年度",
                ["indicator"] = "B04",
                ["value"] = new JsonObject { ["number"] = 86.5 },
                ["note"] = "公安局警情系统导出",
                ["evidence"] = "JQ-2026-0412",
            },
            new JsonObject
            {
                ["city"] = "兰州",
                ["period"] = "2026年度",
                ["indicator"] = "F01",
                ["value"] = new JsonObject { ["grade"] = "优" },
            },
        },
    };
}
