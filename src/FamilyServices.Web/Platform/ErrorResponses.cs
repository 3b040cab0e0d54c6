using Microsoft.AspNetCore.Diagnostics;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Error answers: the API gets problem details, people get a page in their language. Pages are re-executed for
/// GET and HEAD; any other method is redirected there instead, because re-executing a form post would make the
/// page try to handle the form a second time.
/// </summary>
public static class ErrorResponses
{
    public static WebApplication UsePortalErrorResponses(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // HSTS is sent by SecurityHeaders, which also puts it on the answers this handler writes.
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleExceptionAsync });
        }
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context) && IsReadOnly(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(context => !IsApi(context) && !IsReadOnly(context), forms => forms.UseStatusCodePagesWithRedirects("/status/{0}"));
        return app;
    }

    private static async Task HandleExceptionAsync(HttpContext context)
    {
        if (IsApi(context))
        {
            // The database out of reach is a moment's outage, not a fault of the request: 503, try again later.
            var unavailable = DatabaseUnavailable(context.Features.Get<IExceptionHandlerFeature>()?.Error);
            var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            context.Response.StatusCode = status;
            if (unavailable) context.Response.Headers.RetryAfter = "30";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = status,
                    Title = unavailable ? "The service is not available for a moment." : "The server could not complete the request.",
                    Extensions = { ["correlationId"] = context.TraceIdentifier },
                },
            });
            return;
        }
        // The error page shows this reference so support can find the logged exception. The exception handler
        // cleared the response headers, so the correlation id goes back on.
        context.Response.Headers[CorrelationIds.HeaderName] = context.TraceIdentifier;
        context.Response.Redirect($"/error?ref={Uri.EscapeDataString(context.TraceIdentifier)}");
    }

    /// <summary>A connection that failed or broke (Npgsql calls these transient), or a timeout, anywhere in the chain.</summary>
    public static bool DatabaseUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException) return true;
        }
        return false;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hsds");


    private static bool IsReadOnly(HttpContext context) => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
}
