
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Public search is limited per client address (Portal:RateLimits:SearchPerMinute, default 120), so one client
/// cannot starve everyone else. Public forms that need no account (report a problem with an entry) accept
/// Portal:RateLimits:ReportsPerHour posts per address (default 10); showing them is not limited.
/// The account forms (sign-in, forgotten password, reset and invitation links, changing one's password) accept
/// Portal:RateLimits:SignInPerMinute posts per address and minute (default 10), on top of the lockout after five
/// wrong passwords for one account: this limit slows down trying many accounts or many addresses from one place.
/// Behind a reverse proxy, configure forwarded headers so the address is the client's.
/// </summary>
public static class RateLimits
{
    public const string PublicSearch = "public-search";
    public const string PublicForms = "public-forms";
    public const string AccountForms = "account-forms";

    public static WebApplicationBuilder AddPortalRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Portal:RateLimits:SearchPerMinute", 120);
        var formsPerHour = builder.Configuration.GetValue("Portal:RateLimits:ReportsPerHour", 10);
        var accountPostsPerMinute = builder.Configuration.GetValue("Portal:RateLimits:SignInPerMinute", 10);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PublicSearch, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Only posts count: reading the form is free, sending it is what a spammer repeats.
            options.AddPolicy(PublicForms, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = formsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            options.AddPolicy(AccountForms, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = accountPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var isForm = policy is PublicForms or AccountForms;
                context.Response.Headers.RetryAfter = isForm && rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "60";
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<Resources.Text>>()[policy switch
                {
                    PublicForms => "ReportTooManyText",
                    AccountForms => "PwdTooManyText",
                    _ => "TooManyRequestsText",
                }];
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hsds"))
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
