using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PilotAssessment.OpenApi;

/// <summary>
/// The OpenAPI document as a contract for other systems: summaries from the controllers' XML comments, the
/// ProblemDetails error responses each operation can give, anonymous operations marked, and the serving host as server.
/// </summary>
public static class OpenApiDocumentation
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPilotAssessmentOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "市域社会治理现代化试点考评 API",
                Version = DocumentName,
                Description = "省级政法委、试点城市和审核人员使用的考评接口。错误以 application/problem+json 返回，"
                    + "文本随 Accept-Language（zh-Hans 或 en）本地化；时间为 UTC，界面与文件按北京时间显示。",
                License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
            });
            o.CustomSchemaIds(type => type.FullName!.Replace("PilotAssessment.", string.Empty).Replace('+', '.').Split('`')[0]
                + (type.IsGenericType ? "Of" + string.Join("And", type.GetGenericArguments().Select(a => a.Name)) : string.Empty));
            // Stable operation ids ("Scheme_Publish") name the methods of the generated Angular client.
            o.CustomOperationIds(api => api.ActionDescriptor is ControllerActionDescriptor action ? OperationIds.Of(action) : null);
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "POST /api/account/sign-in 取得的访问令牌。",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, typeof(PilotAssessmentController).Assembly.GetName().Name + ".xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }

            o.OperationFilter<ProblemResponsesOperationFilter>();
        });
        return services;
    }

    public static WebApplication UsePilotAssessmentOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}", Description = "本服务" }]));
        app.UseSwaggerUI(o => o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "PilotAssessment API v1"));
        return app;
    }
}
