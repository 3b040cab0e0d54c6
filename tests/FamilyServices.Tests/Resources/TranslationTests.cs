using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FamilyServices.Tests.Resources;

/// <summary>
/// The UI strings in src/FamilyServices.Web/Resources: Text.resx (English, also the fallback) and Text.de, .nl and
/// .tr.resx must hold the same keys, no empty text, and the same placeholders ({0}, {1}) in every language: a key
/// missing in one file makes the page show the bare key, a lost placeholder silently drops a number or a name.
/// (Browser tests check rendered pages for bare keys; see tests/FamilyServices.BrowserTests.)
/// </summary>
public partial class TranslationTests
{
    private const string English = "en";

    private static readonly string[] Languages = [English, "de", "nl", "tr"];

    [Fact]
    public void Every_UI_string_exists_in_every_language_with_text_and_the_same_placeholders()
    {
        var strings = Languages.ToDictionary(language => language, language => ReadResx(ResxPath(language)));

        strings[English].Should().NotBeEmpty("Text.resx holds the English UI strings");
        ParityProblems(strings).Should().BeEmpty();
    }

    [Fact]
    public void The_parity_check_reports_a_key_missing_in_one_language()
    {
        var strings = Strings(
            ("StartHeading", "Programmes", "Angebote", "Activiteiten", "Programlar"),
            ("BackToAll", "All programmes", "Alle Angebote", null, "Tüm programlar"));

        ParityProblems(strings).Should().Equal("nl: key 'BackToAll' is missing (it exists in en)");
    }

    [Fact]
    public void The_parity_check_reports_a_key_only_a_translation_has_an_empty_text_and_a_lost_placeholder()
    {
        var strings = Strings(
            ("FooterText", "A service of {0}", "Ein Angebot von", "Een dienst van {0}", "{0} hizmetidir"),
            ("AgeYears", "{0}–{1} years", "{0}–{1} Jahre", "{0}–{1} jaar", " "));
        strings["tr"]["Leftover"] = "Eski metin";

        ParityProblems(strings).Should().BeEquivalentTo(
            "de: 'FooterText' has placeholders {} but en has {0}",
            "tr: 'AgeYears' is empty",
            "en: key 'Leftover' is missing (it exists in tr)",
            "de: key 'Leftover' is missing (it exists in tr)",
            "nl: key 'Leftover' is missing (it exists in tr)");
    }

    /// <summary>
    /// Every difference between the languages' string tables: a key missing in a language that another has, an
    /// empty (or blank) text, or placeholders ({0}, {1:0.00}) that differ from English.
    /// </summary>
    public static IReadOnlyList<string> ParityProblems(IReadOnlyDictionary<string, Dictionary<string, string>> stringsByLanguage)
    {
        var problems = new List<string>();
        var allKeys = stringsByLanguage.SelectMany(l => l.Value.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var (language, strings) in stringsByLanguage)
        {
            foreach (var key in allKeys.Where(k => !strings.ContainsKey(k)))
            {
                var holder = stringsByLanguage.First(l => l.Value.ContainsKey(key)).Key;
                problems.Add($"{language}: key '{key}' is missing (it exists in {holder})");
            }
            foreach (var (key, text) in strings.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: '{key}' is empty");
                    continue;
                }
                if (language == English || !stringsByLanguage[English].TryGetValue(key, out var english)) continue;
                var (expected, actual) = (Placeholders(english), Placeholders(text));
                if (expected != actual) problems.Add($"{language}: '{key}' has placeholders {{{actual}}} but {English} has {{{expected}}}");
            }
        }
        return problems;
    }

    /// <summary>The distinct placeholder indexes of a composite format string, e.g. "0,1"; escaped braces are not placeholders.</summary>
    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The strings of one resx file by key.</summary>
    internal static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null && d.Attribute("mimetype") is null)
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    /// <summary>The resx file of a UI language (en: Text.resx) in the checkout.</summary>
    internal static string ResxPath(string language)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FamilyServices.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException($"FamilyServices.sln not found above {AppContext.BaseDirectory}.");
        var file = language == English ? "Text.resx" : $"Text.{language}.resx";
        return Path.Combine(directory.FullName, "src", "FamilyServices.Web", "Resources", file);
    }

    /// <summary>An in-memory string table: each row is a key and its text in en, de, nl, tr (null: missing).</summary>
    private static Dictionary<string, Dictionary<string, string>> Strings(params (string Key, string? En, string? De, string? Nl, string? Tr)[] rows)
    {
        var strings = Languages.ToDictionary(l => l, _ => new Dictionary<string, string>());
        foreach (var row in rows)
        {
            foreach (var (language, text) in new[] { (English, row.En), ("de", row.De), ("nl", row.Nl), ("tr", row.Tr) })
            {
                if (text is not null) strings[language][row.Key] = text;
            }
        }
        return strings;
    }
}
