using Microsoft.AspNetCore.Mvc;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PilotAssessment.Hardening;

/// <summary>The host's input limits in one place: JSON and model-binding rules, request body sizes, enum documentation.</summary>
public static class HardeningExtensions
{
    public static IServiceCollection AddInputHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HardeningOptions.SectionName).Get<HardeningOptions>() ?? new HardeningOptions();
        services.AddSingleton(options);
        services.Configure<JsonOptions>(o =>
        {
            o.JsonSerializerOptions.Converters.Add(new StrictEnumConverterFactory());
            o.JsonSerializerOptions.MaxDepth = 64;
            o.AllowInputFormatterExceptionMessages = true;
        });
        services.Configure<MvcOptions>(o => o.Filters.Add<InputShapeFilter>());
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = LocalizedModelStateResponse.Create);
        services.Configure<SwaggerGenOptions>(o => o.SchemaFilter<EnumSchemaFilter>());
        return services;
    }

    /// <summary>After routing, so an endpoint's own [RequestSizeLimit] is known.</summary>
    public static IApplicationBuilder UseInputHardening(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();
}
