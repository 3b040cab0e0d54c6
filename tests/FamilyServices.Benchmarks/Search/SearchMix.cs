namespace FamilyServices.Benchmarks.Search;

/// <summary>One search as a parent's browser (or an API client) sends it: the query string and the UI language.</summary>
public sealed record MixQuery(string Name, string Language, string QueryString);

/// <summary>
/// The searches the benchmark rotates through, equally often, against the API, the page and (as SQL) pgbench:
/// text, place + radius, age, day and time, free, category, "this week", combinations, a typo, other UI
/// languages, a second page and the bare page. Postcodes, districts and categories are those of the generated
/// catalogue (see <see cref="Catalogue.CatalogueGenerator"/>: postcode = 45100 + 20 × district + 5 × k).
/// </summary>
public static class SearchMix
{
    public static readonly IReadOnlyList<MixQuery> Queries =
    [
        new("text", "de", "q=Schwimmkurs"),
        new("text-folded", "de", "q=elterncafe"),
        new("text-typo", "de", "q=schwimmkurz"),
        new("text-common", "de", "q=eltern"),
        new("text-page2", "de", "q=kinder&page=2"),
        new("text-tr", "tr", "q=y%C3%BCzme"),
        new("text-en", "en", "q=swimming"),
        new("text+place+radius", "de", "q=Kinderturnen&where=45165&radiusKm=5"),
        new("text+age+place+radius", "de", "q=Sprachf%C3%B6rderung&age=5&where=45220&radiusKm=5"),
        new("text+free", "de", "q=Musikgarten&free=true"),
        new("text+day", "de", "q=Hausaufgabenhilfe&day=monday"),
        new("text+time", "de", "q=tanzen&time=evening"),
        new("text+place", "de", "q=baby&where=45350"),
        new("place+radius", "de", "where=45295&radiusKm=3"),
        new("place+age", "de", "where=45445&age=4"),
        new("place+free+radius", "de", "where=45100&radiusKm=10&free=true"),
        new("near+radius", "de", "near=51.2140,7.0810&radiusKm=2"),
        new("district-name+radius", "de", "where=Nordstadt&radiusKm=3"),
        new("place+week+radius", "de", "where=45390&radiusKm=3&thisWeek=true"),
        new("place+access+age", "de", "where=45325&radiusKm=5&access=step-free&age=1"),
        new("place+language-tr", "tr", "where=45255&radiusKm=5&language=tr"),
        new("category+place", "de", "category=movement&where=45460&radiusKm=5"),
        new("category+week", "de", "category=language-support&thisWeek=true"),
        new("age", "de", "age=2"),
        new("day+time", "de", "day=wednesday&time=afternoon"),
        new("weekend+age", "de", "time=weekend&age=6"),
        new("district+age", "de", "district=nordstadt&age=3"),
        new("online", "de", "online=true"),
        new("none", "de", ""),
    ];
}
