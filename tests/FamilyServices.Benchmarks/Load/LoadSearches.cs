using System.Globalization;
using System.Text;
using FamilyServices.Benchmarks.Catalogue;
using FamilyServices.Benchmarks.Search;
using FamilyServices.Web.Domain;

namespace FamilyServices.Benchmarks.Load;

/// <summary>One search of the load test and its share of the requests.</summary>
public sealed record LoadSearch(MixQuery Query, double Weight);

/// <summary>
/// The searches of the open-loop load test: the 29 of <see cref="SearchMix"/> first (they are the most popular),
/// then variants of the same 29 kinds with other values of the generated catalogue (themes in de, en and tr,
/// postcodes, district names and codes, coordinates, radii, ages, days, times, categories, accessibility,
/// languages, pages), the kinds taken in turn, each value drawn from a seeded <see cref="Random"/>, until there are
/// <c>count</c> distinct searches. The i-th gets the Zipf weight 1 / i^s (<see cref="ZipfPopularity"/>).
/// Same seed, same file.
/// </summary>
public static class LoadSearches
{
    public const int DefaultCount = 500;
    public const int DefaultSeed = 20261207;
    public const double DefaultExponent = 1.0;

    private static readonly string[] CommonWords = ["eltern", "kinder", "familie", "gruppe", "kurs", "baby", "treff", "spielen", "lernen", "musik"];
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] WeekdayTimes = ["morning", "afternoon", "evening"];
    private static readonly string[] Radii = ["1", "2", "3", "5", "8", "10"];

    public static IReadOnlyList<LoadSearch> Make(int count = DefaultCount, int seed = DefaultSeed, double exponent = DefaultExponent)
    {
        if (count < SearchMix.Queries.Count) throw new ArgumentOutOfRangeException(nameof(count), $"At least the {SearchMix.Queries.Count} searches of the mix.");
        var random = new Random(seed);
        var searches = new List<MixQuery>(SearchMix.Queries);
        var seen = searches.Select(Key).ToHashSet();
        var kinds = Kinds();
        var variants = new Dictionary<string, int>();
        var misses = 0;
        // The few-valued kinds (online, none, age…) run out; the others carry on until there are enough.
        for (var turn = 0; searches.Count < count; turn++)
        {
            var (name, language, query) = kinds[turn % kinds.Count];
            var candidate = new MixQuery(name, language, query(random));
            if (!seen.Add(Key(candidate)))
            {
                if (++misses > 100 * count) throw new InvalidOperationException($"Only {searches.Count} distinct searches could be made.");
                continue;
            }
            variants[name] = variants.GetValueOrDefault(name) + 1;
            searches.Add(candidate with { Name = $"{name}#{variants[name]}" });
        }
        var weights = ZipfPopularity.Weights(count, exponent);
        return [.. searches.Select((s, i) => new LoadSearch(s, weights[i]))];
    }

    /// <summary>language TAB query string TAB name TAB weight: search-mix.tsv's columns and the weight.</summary>
    public static string ToTsv(IEnumerable<LoadSearch> searches)
    {
        var text = new StringBuilder();
        foreach (var search in searches)
        {
            text.Append(CultureInfo.InvariantCulture, $"{search.Query.Language}\t{search.Query.QueryString}\t{search.Query.Name}\t{search.Weight:R}\n");
        }
        return text.ToString();
    }

    private static string Key(MixQuery query) => query.Language + "\t" + query.QueryString;

    private static List<(string Name, string Language, Func<Random, string> Query)> Kinds()
    {
        static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
        static string Encode(string text) => Uri.EscapeDataString(text);
        static string Theme(Random random) => Encode(FirstWord(Pick(random, CatalogueWords.Topics).De));
        static string Postcode(Random random) =>
            (45100 + 20 * random.Next(CatalogueWords.Districts.Length) + 5 * random.Next(4)).ToString(CultureInfo.InvariantCulture);
        static string Radius(Random random) => Pick(random, Radii);
        static string Age(Random random) => random.Next(0, 13).ToString(CultureInfo.InvariantCulture);
        static string Category(Random random) => Pick(random, CatalogueWords.Categories).Code;
        static string Near(Random random) => string.Create(CultureInfo.InvariantCulture,
            $"{CatalogueGenerator.MiddleLatitude + (random.NextDouble() - 0.5) * 0.16:0.0000},{CatalogueGenerator.MiddleLongitude + (random.NextDouble() - 0.5) * 0.26:0.0000}");

        return
        [
            ("text", "de", r => $"q={Theme(r)}"),
            ("text-folded", "de", r => $"q={Encode(Folded(FirstWord(Pick(r, CatalogueWords.Topics).De)))}"),
            ("text-typo", "de", r => $"q={Encode(Typo(r, Folded(FirstWord(Pick(r, CatalogueWords.Topics).De))))}"),
            ("text-common", "de", r => $"q={Pick(r, CommonWords)}"),
            ("text-page2", "de", r => $"q={Pick(r, CommonWords)}&page={r.Next(2, 6)}"),
            ("text-tr", "tr", r => $"q={Encode(FirstWord(Pick(r, CatalogueWords.Topics).Tr).ToLowerInvariant())}"),
            ("text-en", "en", r => $"q={Encode(FirstWord(Pick(r, CatalogueWords.Topics).En).ToLowerInvariant())}"),
            ("text+place+radius", "de", r => $"q={Theme(r)}&where={Postcode(r)}&radiusKm={Radius(r)}"),
            ("text+age+place+radius", "de", r => $"q={Theme(r)}&age={Age(r)}&where={Postcode(r)}&radiusKm={Radius(r)}"),
            ("text+free", "de", r => $"q={Theme(r)}&free=true"),
            ("text+day", "de", r => $"q={Theme(r)}&day={Pick(r, Days)}"),
            ("text+time", "de", r => $"q={Theme(r)}&time={Pick(r, WeekdayTimes)}"),
            ("text+place", "de", r => $"q={Theme(r)}&where={Postcode(r)}"),
            ("place+radius", "de", r => $"where={Postcode(r)}&radiusKm={Radius(r)}"),
            ("place+age", "de", r => $"where={Postcode(r)}&age={Age(r)}"),
            ("place+free+radius", "de", r => $"where={Postcode(r)}&radiusKm={Radius(r)}&free=true"),
            ("near+radius", "de", r => $"near={Near(r)}&radiusKm={Radius(r)}"),
            ("district-name+radius", "de", r => $"where={Encode(Pick(r, CatalogueWords.Districts))}&radiusKm={Radius(r)}"),
            ("place+week+radius", "de", r => $"where={Postcode(r)}&radiusKm={Radius(r)}&thisWeek=true"),
            ("place+access+age", "de", r => $"where={Postcode(r)}&radiusKm={Radius(r)}&access={Pick(r, AccessibilityFeatures.All)}&age={Age(r)}"),
            ("place+language-tr", "tr", r => $"where={Postcode(r)}&radiusKm={Radius(r)}&language={Pick(r, CatalogueWords.ExtraDeliveryLanguages).Language}"),
            ("category+place", "de", r => $"category={Category(r)}&where={Postcode(r)}&radiusKm={Radius(r)}"),
            ("category+week", "de", r => $"category={Category(r)}&thisWeek=true"),
            ("age", "de", r => $"age={r.Next(0, 18)}"),
            ("day+time", "de", r => $"day={Pick(r, Days)}&time={Pick(r, WeekdayTimes)}"),
            ("weekend+age", "de", r => $"time=weekend&age={Age(r)}"),
            ("district+age", "de", r => $"district={CatalogueGenerator.Fold(Pick(r, CatalogueWords.Districts))}&age={Age(r)}"),
            ("online", "de", r => $"online={(r.Next(2) == 0 ? "true" : "false")}"),
            ("none", "de", r => r.Next(3) switch { 0 => "", 1 => "page=2", _ => "page=3" }),
        ];
    }

    private static string FirstWord(string text) => text.Split(' ', '-')[0];

    /// <summary>Lower case without umlauts or accents, as a parent types on a phone: "Elterncafé" → "elterncafe".</summary>
    private static string Folded(string text) => text.ToLowerInvariant()
        .Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
        .Replace("ü", "u", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal).Replace("é", "e", StringComparison.Ordinal);

    /// <summary>One letter after the first replaced by another: a typo the trigram rank must forgive.</summary>
    private static string Typo(Random random, string word)
    {
        if (word.Length < 4) return word + "e";
        var position = random.Next(1, word.Length);
        var letter = (char)('a' + random.Next(26));
        return word[..position] + letter + word[(position + 1)..];
    }
}
