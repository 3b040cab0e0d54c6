using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Every request body is small unless its endpoint says otherwise: the portal's forms are a few kilobytes, so
/// Portal:Limits:RequestBodyBytes (default 1 MiB) bounds what anyone can make the server read or buffer. The uploads
/// raise it for themselves with [RequestSizeLimit] (the attendance import page and API: 200 MB files; the district
/// population import: 16 MB), and their pages answer a file over their own limit with their own message.
/// Anything over the limit gets 413: problem details on the API, the status page for people, never a reset or a 500.
/// </summary>
public static class RequestLimits
{
    public const long DefaultBodyBytes = 1024 * 1024;

    /// <summary>The longest text a field takes is 8,000 characters (a programme's description); four times that is plenty.</summary>
    public const int FormValueChars = 32 * 1024;

    /// <summary>
    /// How much of a too-large body is read and thrown away before answering, so that the browser, still sending,
    /// is listening when the answer comes instead of seeing the connection reset. Beyond it the connection is closed.
    /// </summary>
    public const long DrainBytes = 32 * 1024 * 1024;

    public static WebApplicationBuilder AddPortalRequestLimits(this WebApplicationBuilder builder)
    {
        var bodyBytes = builder.Configuration.GetValue("Portal:Limits:RequestBodyBytes", DefaultBodyBytes);
        builder.Services.AddSingleton(new BodyLimit(bodyBytes));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyBytes);
        builder.Services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = bodyBytes;
            options.ValueLengthLimit = FormValueChars;
        });
        return builder;
    }

    /// <summary>After routing (it needs the endpoint's own limit), before anything reads the body.</summary>
    public static IApplicationBuilder UseDeclaredSizeRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitFor(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }
        await next(context);
    });

    /// <summary>
    /// After the antiforgery middleware, which reads every form first: a form over the form limits (a field too long,
    /// a file part too large, or a chunked body over the limit) makes its check fail, and the framework would answer a
    /// bare 400. Pages that set their own form limits (the imports) give their own message and are left to it.
    /// </summary>
    public static IApplicationBuilder UseOversizeFormRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false, Error.InnerException: var cause }
            && cause is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            && context.GetEndpoint()?.Metadata.GetMetadata<IFormOptionsMetadata>() is null)
        {
            await RefuseAsync(context, LimitFor(context));
            return;
        }
        await next(context);
    });

    private static long LimitFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? context.RequestServices.GetRequiredService<BodyLimit>().Bytes;

    private static async Task RefuseAsync(HttpContext context, long limit)
    {
        await DrainAsync(context);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"This endpoint accepts at most {limit} bytes.",
                },
            });
        }
        // Pages: no body, so the status-code pages show /status/413 in the person's language.
    }

    private static async Task DrainAsync(HttpContext context)
    {
        if (context.Request.ContentLength > DrainBytes) return;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = DrainBytes;
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Over the drain limit (BadHttpRequestException is an IOException) or the client gave up.
        }
    }

    private sealed record BodyLimit(long Bytes);
}
