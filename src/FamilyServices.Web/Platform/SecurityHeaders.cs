using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace FamilyServices.Web.Platform;

/// <summary>
/// The browser-side protections every answer carries: pages, API answers, static files, error pages and 429s alike.
/// The headers are added when the response starts rather than when the request arrives, because the exception
/// handler clears all headers before it writes the error answer; a callback registered here still runs then.
/// See docs/security.md for why each value is what it is.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IWebHostEnvironment environment, IConfiguration configuration, IOptions<HstsOptions> hsts)
{
    /// <summary>
    /// The policy of every page. No inline script or style anywhere (styles live in wwwroot/css, scripts in
    /// wwwroot/js and wwwroot/lib); map tiles are the one thing loaded from elsewhere. JSON-LD is a data block,
    /// which script-src does not govern.
    /// </summary>
    public static string ContentSecurityPolicyFor(string? tileUrl) => Policy(tileUrl, "'self'");

    /// <summary>
    /// The policy of the interactive staff area (decision 0013): the same, except that styles may also be inline,
    /// because MudBlazor positions popovers, dialogs and grids with style attributes and &lt;style&gt; blocks.
    /// Scripts stay 'self': blazor.web.js and MudBlazor's script are files, and no import map is used.
    /// </summary>
    public static string InteractiveContentSecurityPolicyFor(string? tileUrl) => Policy(tileUrl, "'self' 'unsafe-inline'");

    private static string Policy(string? tileUrl, string styleSources)
    {
        var tiles = TileSource(tileUrl);
        return $"default-src 'self'; script-src 'self'; style-src {styleSources}; "
            + $"img-src 'self' data:{(tiles is null ? "" : " " + tiles)}; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>
    /// The tile server as a CSP source: scheme and host of Portal:Map:TileUrl. Leaflet's "{s}" subdomain placeholder
    /// (a.tile..., b.tile...) becomes a wildcard; "{z}/{x}/{y}" sit in the path, which is not part of the source.
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var withoutSubdomain = tileUrl.Replace("{s}.", "subdomain.", StringComparison.Ordinal);
        if (!Uri.TryCreate(withoutSubdomain, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        if (withoutSubdomain != tileUrl) host = "*" + host["subdomain".Length..];
        return $"{uri.Scheme}://{host}";
    }

    /// <summary>
    /// strict-origin-when-cross-origin: other sites learn only our origin, never a path or query (so reset and
    /// invitation tokens in a URL do not leave the site), and the map's tile server still gets the origin, which
    /// OpenStreetMap's tile usage policy asks for. The account pages, where such tokens land, send no referrer at all.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public const string PermissionsPolicy = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";

    private readonly string _contentSecurityPolicy = ContentSecurityPolicyFor(configuration["Portal:Map:TileUrl"]);
    private readonly string _interactiveContentSecurityPolicy = InteractiveContentSecurityPolicyFor(configuration["Portal:Map:TileUrl"]);
    private readonly bool _useHsts = !environment.IsDevelopment();
    private readonly string _hstsValue = $"max-age={(long)hsts.Value.MaxAge.TotalSeconds}{(hsts.Value.IncludeSubDomains ? "; includeSubDomains" : "")}";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            AddHeaders(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = InteractiveArea.IsInteractivePage(context) ? _interactiveContentSecurityPolicy : _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = context.Request.Path.StartsWithSegments("/account") ? "no-referrer" : ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Remove("Server");
        headers.Remove("X-Powered-By");
        // As UseHsts does it, but here so that error answers carry it too: only over HTTPS, never for localhost.
        if (_useHsts && context.Request.IsHttps && !IsExcluded(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = _hstsValue;
        }
    }

    private bool IsExcluded(string host) => hsts.Value.ExcludedHosts.Any(excluded => string.Equals(excluded, host, StringComparison.OrdinalIgnoreCase));
}

public static class SecurityHeadersRegistration
{
    public static WebApplicationBuilder AddPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // No "Server: Kestrel": it tells an attacker which exploits to try and tells everyone else nothing.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }
}
