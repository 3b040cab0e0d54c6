using System.Diagnostics;
using Serilog.Context;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Gives every request a correlation id (taken from X-Correlation-Id when a caller sends a sane one),
/// attaches it to every log event of the request, echoes it in the response, and logs one line per request.
/// Only the path is logged, never the query string, which may hold what a person typed.
/// </summary>
public sealed partial class CorrelationAndRequestLogging(RequestDelegate next, ILogger<CorrelationAndRequestLogging> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = IsSafe(context.Request.Headers[HeaderName].ToString())
            ? context.Request.Headers[HeaderName].ToString()
            : Guid.NewGuid().ToString("N")[..16];
        context.TraceIdentifier = correlationId;
        context.Response.Headers[HeaderName] = correlationId;

        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode, elapsedMs);
            }
        }
    }

    private static bool IsSafe(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
