using System.Globalization;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Localization;

namespace FamilyServices.Web.Platform;

public static class Localization
{
    /// <summary>
    /// The UI language comes from the language cookie, then the browser's Accept-Language, then
    /// Portal:DefaultLanguage (the city's language in a real installation).
    /// </summary>
    public static WebApplicationBuilder AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        var defaultLanguage = builder.Configuration["Portal:DefaultLanguage"];
        if (!Languages.IsSupported(defaultLanguage)) defaultLanguage = Languages.English;

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Supported.Select(code => new CultureInfo(code)).ToList();
            options.DefaultRequestCulture = new RequestCulture(defaultLanguage!);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UsePortalLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>The two-letter code of the current UI language.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
