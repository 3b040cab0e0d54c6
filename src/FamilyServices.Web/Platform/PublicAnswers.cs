using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Marks a public catalogue page or API answer (search, programme, centre, calendar, the JSON and HSDS APIs): to an
/// anonymous visitor it is the same for everyone who asks in the same language, so it may be compressed, cached by
/// browsers and shared caches (revalidated with its ETag) and kept in the output cache (decision 0018).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicCatalogueAnswerAttribute : Attribute;

/// <summary>
/// How public answers are compressed, cached and revalidated (decision 0018, docs/security.md "Compression and caching").
/// </summary>
public static class PublicAnswers
{
    /// <summary>What a shared cache must key a public answer by: the UI language comes from these two headers.</summary>
    public const string VaryHeaders = "Accept-Language, Cookie";

    /// <summary>Any cache may keep it, and must ask again (ETag) before each use: a publish shows on the next request.</summary>
    public const string PublicCacheControl = "public, no-cache";

    /// <summary>A signed-in user's answer: never stored anywhere.</summary>
    public const string PrivateCacheControl = "private, no-store";

    public static TBuilder AsPublicCatalogueAnswer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCatalogueAnswerAttribute());

    public static bool IsPublicCatalogueAnswer(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PublicCatalogueAnswerAttribute>() is not null;

    /// <summary>
    /// A request with credentials: an API token, or one of the portal's sign-in cookies (fs.auth, and fs.2fa half way
    /// through a sign-in), whether or not it is still valid. Its answer may show the user's own data.
    /// </summary>
    public static bool CarriesCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.Authorization)
        || request.Cookies.Keys.Any(name => name.StartsWith("fs.", StringComparison.Ordinal))
        || request.HttpContext.User.Identity?.IsAuthenticated == true;

    /// <summary>
    /// The BREACH rule: a dynamic answer is compressed only when it holds no secret, that is when it could be shown to
    /// anyone: no credentials on the request, no cookie set (an antiforgery or sign-in cookie), and not marked
    /// private or no-store (ASP.NET Core's antiforgery marks every answer that carries a token no-store).
    /// </summary>
    public static bool HoldsNoSecret(HttpContext context)
    {
        var response = context.Response;
        return !CarriesCredentials(context.Request)
            && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && !IsPrivate(response.Headers.CacheControl);
    }

    private static bool IsPrivate(Microsoft.Extensions.Primitives.StringValues cacheControl) =>
        cacheControl.Any(value => value is not null
            && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase)));

    public static WebApplicationBuilder AddPortalPublicAnswers(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/x-ndjson", "text/calendar", "image/svg+xml"]);
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, SecretFreeCompression>());
        builder.Services.AddAntiforgery();
        var antiforgery = builder.Services.Last(service => service.ServiceType == typeof(IAntiforgery));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(services =>
            new NoTokenCookieOnPublicAnswers((IAntiforgery)ActivatorUtilities.CreateInstance(services, antiforgery.ImplementationType!))));
        builder.AddCatalogueOutputCache();
        return builder;
    }

    /// <summary>
    /// After authentication (the output cache must know who asks), before the endpoints: the cache headers and ETag
    /// around the output cache, so a cached and a fresh answer get the same validators. Compression is outside them
    /// all, before routing (PlatformModule.UsePlatform), so the short-circuited static files are compressed too.
    /// </summary>
    public static WebApplication UsePortalPublicAnswers(this WebApplication app)
    {
        app.UseMiddleware<PublicAnswerValidators>();
        app.UseOutputCache();
        return app;
    }

    /// <summary>The ASP.NET Core choice of encoding and MIME types, refused for any answer that may hold a secret.</summary>
    private sealed class SecretFreeCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _inner.CheckRequestAcceptsCompression(context);

        /// <summary>A static file holds no secret whoever asks (MudBlazor's stylesheet has no pre-compressed copy).</summary>
        public bool ShouldCompressResponse(HttpContext context) =>
            (StaticAssetMarker.IsStaticAsset(context) || HoldsNoSecret(context)) && _inner.ShouldCompressResponse(context);
    }
}

/// <summary>
/// Blazor makes an antiforgery token for every page it renders once interactive render modes exist (our staff area),
/// and storing it sets a cookie and marks the answer no-store: every public page would be private and uncompressed.
/// To an anonymous visitor a public catalogue answer holds no form that posts back (its one post, the language
/// switch, is checked by origin, decision 0019), so on such a GET the token set is made but not stored. Every other
/// page, and a signed-in user's copy of a public one (its sign-out form needs the cookie), gets its cookie as before.
/// </summary>
public sealed class NoTokenCookieOnPublicAnswers(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        if (DatabaseOutageAnswers.IsOutageAnswer(httpContext)) return WithoutKeyRingIfNeeded(httpContext);
        return IsPublicRead(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);
    }

    /// <summary>
    /// The "temporarily unavailable" page holds no form that needs a token; while the database is down a portal that
    /// started during the outage has no key ring to make one, and the page must still render.
    /// </summary>
    private AntiforgeryTokenSet WithoutKeyRingIfNeeded(HttpContext httpContext)
    {
        try
        {
            return inner.GetTokens(httpContext);
        }
        catch (Exception exception) when (DatabaseAvailability.IsOutage(exception))
        {
            return new AntiforgeryTokenSet(null, null, "__RequestVerificationToken", null);
        }
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        if (!IsPublicRead(httpContext)) inner.SetCookieTokenAndHeader(httpContext);
    }

    private static bool IsPublicRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && PublicAnswers.IsPublicCatalogueAnswer(context)
        && !PublicAnswers.CarriesCredentials(context.Request);
}

/// <summary>
/// Cache headers and revalidation of public catalogue answers. To an anonymous GET: public, no-cache, Vary by the
/// language headers, and a weak ETag (a hash of the body), with 304 when If-None-Match matches it. To a signed-in user:
/// private, no-store. Answers that set a cookie or are already marked no-store are passed on untouched.
/// </summary>
public sealed class PublicAnswerValidators(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !PublicAnswers.IsPublicCatalogueAnswer(context))
        {
            await next(context);
            return;
        }
        if (PublicAnswers.CarriesCredentials(context.Request))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = PublicAnswers.PrivateCacheControl;
                return Task.CompletedTask;
            });
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && PublicAnswers.HoldsNoSecret(context))
        {
            var etag = $"W/\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 16)}\"";
            response.Headers.CacheControl = PublicAnswers.PublicCacheControl;
            response.Headers.Vary = PublicAnswers.VaryHeaders;
            response.Headers.ETag = etag;
            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        if (buffer.Length == 0) return;   // an empty error, which the status-code pages outside fill in
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>Weak comparison (RFC 9110 13.1.2): W/"x" matches "x" and W/"x"; "*" matches any current answer.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        var opaque = etag[2..];
        return ifNoneMatch.SelectMany(value => (value ?? "").Split(','))
            .Select(tag => tag.Trim())
            .Any(tag => tag == "*" || tag == etag || tag == opaque || (tag.StartsWith("W/", StringComparison.Ordinal) && tag[2..] == opaque));
    }
}
