using Serilog.Context;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Gives every request a correlation id (taken from X-Correlation-Id when a caller sends a sane one), echoes it in the
/// response and attaches it to every log event of the request as CorrelationId. The request line itself is written by
/// Serilog's request logging (<see cref="Logging.UsePortalRequestLogging"/>).
/// </summary>
public sealed class CorrelationIds(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[HeaderName].ToString();
        var correlationId = IsSafe(offered) ? offered : Guid.NewGuid().ToString("N")[..16];
        context.TraceIdentifier = correlationId;
        context.Response.Headers[HeaderName] = correlationId;

        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    private static bool IsSafe(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
