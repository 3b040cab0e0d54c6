using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// The portal's UI strings (Resources/Text*.resx, compiled into the web app), read the way the pages read them.
/// When a key is missing, IStringLocalizer renders the key itself: <see cref="RawKeysIn"/> spots that.
/// </summary>
public static class UiStrings
{
    private static readonly ResourceManager Resources = new("FamilyServices.Web.Resources.Text", typeof(Text).Assembly);

    /// <summary>The text of a key in a UI language, as the portal shows it.</summary>
    public static string Get(string key, string language) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language))
        ?? throw new InvalidOperationException($"No UI string '{key}'.");

    /// <summary>Every key of Text.resx (English, the fallback for all languages).</summary>
    public static IReadOnlyList<string> Keys { get; } = Entries(CultureInfo.InvariantCulture).Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Keys whose name is never a word of any translation (StartHeading, BackToAll, Audience...). Keys such as
    /// "Age" or "Free" are left out: in English the key and the text are the same word.
    /// </summary>
    public static IReadOnlyList<string> TellTaleKeys { get; } = Keys.Where(key =>
        !Languages.Supported.Append("").Any(language =>
            Entries(language.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language)).Values
                .Any(value => Regex.IsMatch(value, $@"\b{key}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))))
        .ToList();

    /// <summary>Resource key names that stand alone (as whole words) in rendered text: a string missing from the resx.</summary>
    public static IReadOnlyList<string> RawKeysIn(string renderedText) =>
        TellTaleKeys.Where(key => Regex.IsMatch(renderedText, $@"(?<![\p{{L}}\p{{N}}]){key}(?![\p{{L}}\p{{N}}])")).ToList();

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null
            ? []
            : set.Cast<DictionaryEntry>().Where(e => e.Value is string).ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
