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
        // A form post (with antiforgery) rather than a link, so the choice works without JavaScript and is never crawled.
        app.MapPost(Path, SetLanguage);
        return app;
    }

    private static Results<RedirectHttpResult, BadRequest<string>> SetLanguage(
        [FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context)
    {
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

    /// <summary>Only paths on this site, so the switch cannot be used to send people elsewhere.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
