
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Public search is limited per client address (Portal:RateLimits:SearchPerMinute, default 120), so one client
/// cannot starve everyone else. Behind a reverse proxy, configure forwarded headers so the address is the client's.
/// </summary>
public static class RateLimits
{
    public const string PublicSearch = "public-search";

    public static WebApplicationBuilder AddPortalRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Portal:RateLimits:SearchPerMinute", 120);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PublicSearch, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "60";
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<Resources.Text>>()["TooManyRequestsText"];
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = text },
                    });
                }
                else
                {
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync(text, cancellationToken);
                }
            };
        });
        return builder;
    }

}
