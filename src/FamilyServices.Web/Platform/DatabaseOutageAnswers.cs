using Microsoft.AspNetCore.Http.Features;

namespace FamilyServices.Web.Platform;

/// <summary>
/// While the database cannot be reached, a request that needs it answers 503 with Retry-After: the API with problem
/// details, a page with the translated "temporarily unavailable" page rendered in place, not redirected, with the
/// request's reference. Requests that need no database (static files, the status pages) never get here.
/// <para>
/// A GET or HEAD is tried once more first, after a short pause: they are safe by HTTP's rules (the portal's GETs write
/// nothing that a repeat would double), and a pooled connection that a database restart or failover broke fails
/// once; the pool is emptied before the repeat. A form post is never repeated: it answers 503 and the visitor sends it again.
/// </para>
/// </summary>
public sealed partial class DatabaseOutageAnswers(
    RequestDelegate next, DatabaseAvailability availability, IProblemDetailsService problems, ILogger<DatabaseOutageAnswers> logger)
{
    public const int RetryAfterSeconds = 30;
    public const string UnavailablePagePath = "/status/503";
    private static readonly TimeSpan PauseBeforeRepeat = TimeSpan.FromMilliseconds(300);
    private static readonly object OutageAnswerKey = new();

    /// <summary>True while the unavailable page is rendered for a request the database failed.</summary>
    public static bool IsOutageAnswer(HttpContext context) => context.Items.ContainsKey(OutageAnswerKey);

    public async Task InvokeAsync(HttpContext context)
    {
        var failure = await OutageOfAsync(context, next);
        if (failure is null) return;
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && !availability.IsDown)
        {
            ResetForRepeat(context);
            // After a restart or failover every idle pooled connection is as dead as the one that failed; the repeat
            // must not draw the next one of them.
            Npgsql.NpgsqlConnection.ClearAllPools();
            await Task.Delay(PauseBeforeRepeat, context.RequestAborted);
            failure = await OutageOfAsync(context, repeat => InFreshScopeAsync(repeat, next));
            if (failure is null) return;
        }
        availability.ReportOutage(failure);
        await InFreshScopeAsync(context, AnswerUnavailableAsync);
    }

    /// <summary>Runs the request; the database's outage, while nothing is sent yet, is returned rather than thrown.</summary>
    private static async Task<Exception?> OutageOfAsync(HttpContext context, RequestDelegate handle)
    {
        try
        {
            await handle(context);
            return null;
        }
        catch (Exception exception) when (DatabaseAvailability.IsOutage(exception) && !context.Response.HasStarted)
        {
            return exception;
        }
    }

    /// <summary>
    /// A request's scoped services (its DbContext with the broken connection, Blazor's navigation state of the page
    /// that failed) cannot serve a second rendering, so each one gets its own scope, as the exception handler does.
    /// </summary>
    private static async Task InFreshScopeAsync(HttpContext context, RequestDelegate handle)
    {
        var original = context.RequestServices;
        await using var scope = original.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await handle(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }

    private async Task AnswerUnavailableAsync(HttpContext context)
    {
        MarkUnavailable(context);
        if (ErrorResponses.IsApi(context))
        {
            await WriteProblemAsync(context);
            return;
        }
        var request = context.Request;
        var (method, path, query) = (request.Method, request.Path, request.QueryString);
        context.Items[OutageAnswerKey] = true;
        try
        {
            // Rendered as a GET whatever the method was, so a page that holds a form does not try to handle it again.
            request.Method = HttpMethods.IsHead(method) ? HttpMethods.Head : HttpMethods.Get;
            request.Path = UnavailablePagePath;
            request.QueryString = QueryString.Empty;
            await next(context);
        }
        catch (Exception exception) when (DatabaseAvailability.IsOutage(exception) && !context.Response.HasStarted)
        {
            // The page itself could not be rendered (no key ring for its antiforgery token yet, say): plain words.
            LogPageFailed(logger, exception.Message);
            MarkUnavailable(context);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"The service is temporarily unavailable. Please try again in a minute. Reference: {context.TraceIdentifier}");
        }
        finally
        {
            (request.Method, request.Path, request.QueryString) = (method, path, query);
            context.Items.Remove(OutageAnswerKey);
        }
    }

    private Task WriteProblemAsync(HttpContext context) => problems.WriteAsync(new ProblemDetailsContext
    {
        HttpContext = context,
        ProblemDetails =
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable.",
            Detail = $"Please try again in a minute (Retry-After: {RetryAfterSeconds} s).",
            Extensions = { ["correlationId"] = context.TraceIdentifier },
        },
    }).AsTask();

    private static void MarkUnavailable(HttpContext context)
    {
        ResetForRepeat(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What the failed attempt left behind goes, as the exception handler clears it; its own headers go back on.</summary>
    private static void ResetForRepeat(HttpContext context)
    {
        context.Response.Clear();
        context.Response.Headers[CorrelationIds.HeaderName] = context.TraceIdentifier;
        context.SetEndpoint(null);
        context.Features.Get<IRouteValuesFeature>()?.RouteValues.Clear();
        context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The unavailable page needed the database too ({Reason}); answered in plain text")]
    private static partial void LogPageFailed(ILogger logger, string reason);
}
