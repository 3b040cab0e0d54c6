using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace FamilyServices.Web.Features.Attendance.Import;

/// <summary>
/// Turns a too-large upload to <see cref="ImportPage"/> into the page's own message. The framework reads the whole
/// form for the antiforgery check before the page runs; when the file is over the limit that read fails, the check
/// counts as failed, and the framework would answer a bare 400 that no one could act on. Only the import page, only
/// POSTs, only when the failed read was about size: a missing or wrong token still gets the framework's 400.
/// </summary>
public static class ImportPageSizeMessage
{
    public const string QueryValue = "too-large";

    /// <summary>
    /// Kestrel's limit for the page's request: above the import's own, so that a file somewhat too large is still
    /// read to its end and answered with the message. A browser that is still sending when the server closes the
    /// connection shows only "connection reset"; Kestrel refuses a body over its limit without reading it, so above
    /// this size that is what people see. The limit also bounds what one request can make the form reader buffer.
    /// </summary>
    public const long RequestLimit = 2 * AttendanceImporter.MaxBytes;

    /// <summary>Runs after routing and the antiforgery middleware (it needs their results) and before the endpoint.</summary>
    public static WebApplication UseImportPageSizeMessage(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!IsTooLargeUpload(context))
            {
                await next(context);
                return;
            }
            await DiscardRestOfBodyAsync(context);
            // 303: the browser follows with a GET, so reloading the message does not send the file again.
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}?problem={QueryValue}";
        });
        return app;
    }

    private static bool IsTooLargeUpload(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type != typeof(ImportPage)) return false;
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false, Error.InnerException: var cause }) return false;
        // The form reader stops at a file over its part limit (the import's size); Kestrel at a body over RequestLimit.
        return (cause is InvalidDataException && context.Request.ContentLength > AttendanceImporter.MaxBytes)
            || cause is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
    }

    /// <summary>
    /// Reads what the browser is still sending, at its pace, so it is listening when the answer comes. Kestrel would
    /// drain it too, but gives up after 5 seconds, which a slow upload of the rest would not meet.
    /// </summary>
    private static async Task DiscardRestOfBodyAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Over Kestrel's limit (BadHttpRequestException is an IOException) or the browser gave up: nothing to wait for.
        }
    }
}
