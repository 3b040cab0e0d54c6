using MudBlazor;

namespace FamilyServices.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme in the portal's colours (the public site's brand blue and accent red, site.css), from
/// Portal:Theme:Primary and Portal:Theme:Secondary when a city sets its own. MudBlazor's default colours are lighter
/// than WCAG AA allows for text (its Info alert is 3.8:1): every colour here has at least 4.5:1 on white, and the
/// alerts and snackbars use the dark variants for their text.
/// </summary>
public static class PortalTheme
{
    public const string DefaultPrimary = "#0b5d8f";   // 7.0:1 on white
    public const string DefaultSecondary = "#a4381c"; // 6.3:1 on white

    public static MudTheme From(IConfiguration configuration) => Create(
        configuration["Portal:Theme:Primary"] ?? DefaultPrimary,
        configuration["Portal:Theme:Secondary"] ?? DefaultSecondary);

    public static MudTheme Create(string primary, string secondary) => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = primary,
            PrimaryDarken = "#084870",
            Secondary = secondary,
            Tertiary = "#5b3c88",
            Info = "#1c5e8a",       // 6.6:1
            InfoDarken = "#134466",
            Success = "#1e6b34",    // 6.4:1
            SuccessDarken = "#154d25",
            Warning = "#8a4b00",    // 6.1:1
            WarningDarken = "#663700",
            Error = "#b3261e",      // 6.1:1
            ErrorDarken = "#8c1d18",
            Dark = "#1d2430",
            TextPrimary = "#1d2430",
            TextSecondary = "#4a5568", // 7.5:1
            TextDisabled = "#5f6673",  // 5.3:1 on the page background (a breadcrumb's current item is a disabled link)
            ActionDefault = "#4a5568",
            ActionDisabled = "#5f6673",
            LinesInputs = "#6b7280",   // input borders 3:1 and more (WCAG 1.4.11)
            Divider = "#d5dbe3",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            AppbarBackground = primary,
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2430",
            DrawerIcon = "#4a5568",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "DejaVu Sans", "sans-serif"] },
        },
    };
}
