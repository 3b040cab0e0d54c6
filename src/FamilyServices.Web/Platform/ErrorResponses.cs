
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
            // An outage of the database answered 503 before this (DatabaseOutageAnswers): this is a fault of the portal.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "The server could not complete the request.",
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

    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hsds");


    private static bool IsReadOnly(HttpContext context) => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
}
