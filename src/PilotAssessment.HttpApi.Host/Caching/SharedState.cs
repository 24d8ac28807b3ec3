using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace PilotAssessment.Caching;

/// <summary>
/// What several hosts must agree on: with <c>Redis:Configuration</c> set, the caches' second level (a session revoked on
/// one host is refused by the others within their local cache time) and the sign-in rate limits live in Redis; without
/// it (one host) both stay in memory (docs/adr/0015).
/// </summary>
public static class SharedState
{
    public const string ConfigurationKey = "Redis:Configuration";

    public static void AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is not { Length: > 0 } redis)
        {
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = configuration.GetValue("Redis:InstanceName", "pilot-assessment:");
        });
    }

    /// <summary>A fixed window of <paramref name="permits"/> per minute and client address, shared by every host when Redis is configured.</summary>
    public static RateLimitPartition<string> PerClientPerMinute(HttpContext context, string policy, int permits)
    {
        var key = $"{policy}:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var redis = context.RequestServices.GetService<IConnectionMultiplexer>();
        return redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) })
            : RedisRateLimitPartition.GetFixedWindowRateLimiter(key, _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
            });
    }
}
