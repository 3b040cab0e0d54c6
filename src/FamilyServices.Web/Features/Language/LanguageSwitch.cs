using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace FamilyServices.Web.Features.Language;

public static class LanguageSwitch
{
    public const string Path = "/language";

    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        // A form post rather than a link, so the choice works without JavaScript and is never crawled. The one form
        // without an antiforgery token (decision 0019): a token would make every public page private and
        // uncacheable; the browser's Sec-Fetch-Site / Origin headers protect it instead.
        app.MapPost(Path, SetLanguage).DisableAntiforgery();
        return app;
    }

    private static Results<RedirectHttpResult, BadRequest<string>, StatusCodeHttpResult> SetLanguage(
        [FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context)
    {
        if (!IsSameOrigin(context.Request)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        if (!Languages.IsSupported(culture)) return TypedResults.BadRequest("Unknown language.");

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// A post sent by a page of this site. Browsers since 2020-2023 say where a request comes from in Sec-Fetch-Site,
    /// which a page cannot forge: only "same-origin" passes ("same-site" would let a sibling subdomain switch it).
    /// Older browsers send Origin with every cross-origin POST: it must then be this site's own scheme and host.
    /// A request with neither comes from no browser's cross-site form, and may only set its own cookie.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site == "same-origin";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Only paths on this site, so the switch cannot be used to send people elsewhere.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
