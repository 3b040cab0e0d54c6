using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FamilyServices.Web.Platform;

/// <summary>
/// MudBlazor's own texts (pager, filter menus, pickers, dialog and snackbar buttons) in the user's language, from the
/// portal's resource files under the key "MudBlazor." + MudBlazor's key. MudBlazor asks for every UI culture whose
/// parent is not English (the portal's plain "en" included, so English comes from Text.resx too), and falls back to its
/// own English text when a key is missing; Resources/MudBlazorTextsTests require every key in every language.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<Text> text) : MudLocalizer
{
    public const string KeyPrefix = "MudBlazor.";

    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var found = text[KeyPrefix + key, arguments];
        return found.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, found.Value);
    }
}
