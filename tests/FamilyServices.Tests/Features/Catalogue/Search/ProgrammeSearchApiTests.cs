using System.Net;
using System.Text.Json;

namespace FamilyServices.Tests.Features.Catalogue.Search;

public class ProgrammeSearchApiTests(SearchFixture portal) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task With_a_postcode_results_come_nearest_first_with_their_distance()
    {
        var items = await SearchAsync("postcode=44623");

        Codes(items).Should().Equal("GYM", "SWIM");
        items[0].GetProperty("distanceMetres").GetDouble().Should().Be(0);
        items[0].GetProperty("nearestCentre").GetProperty("code").GetString().Should().Be("A");
        items[1].GetProperty("distanceMetres").GetDouble().Should().BeApproximately(2002, 5);
    }

    [Fact]
    public async Task Coordinates_from_the_browser_work_like_a_postcode_and_the_radius_cuts_off()
    {
        Codes(await SearchAsync("near=51.5600,7.2230")).Should().Equal("SWIM", "GYM");
        Codes(await SearchAsync("near=51.5420,7.2230&radiusKm=1")).Should().Equal("GYM");
        Codes(await SearchAsync("where=44623&radiusKm=3")).Should().Equal("GYM", "SWIM");
    }

    [Fact]
    public async Task Place_names_resolve_from_districts_and_centres_forgiving_case_and_accents()
    {
        Codes(await SearchAsync("where=herne-MITTE")).Should().Contain("SWIM");
        var nearLoewenzahn = await SearchAsync("where=kita%20lowenzahn");
        Codes(nearLoewenzahn)[0].Should().Be("GYM");
        nearLoewenzahn[0].GetProperty("nearestCentre").GetProperty("code").GetString().Should().Be("C");
    }

    [Theory]
    [InlineData("age=3", new[] { "CAFE", "GYM" })]
    [InlineData("ageMonths=90", new[] { "SWIM" })]
    [InlineData("free=true", new[] { "CAFE", "GYM" })]
    [InlineData("day=saturday", new[] { "GYM" })]
    [InlineData("day=monday&time=weekend", new string[0])]
    [InlineData("time=weekend", new[] { "GYM" })]
    [InlineData("time=evening", new[] { "CAFE" })]
    [InlineData("time=afternoon", new[] { "GYM", "SWIM" })]
    [InlineData("language=tr", new[] { "GYM" })]
    [InlineData("online=true", new[] { "CAFE" })]
    [InlineData("online=false", new[] { "GYM", "SWIM" })]
    [InlineData("category=movement", new[] { "GYM", "SWIM" })]
    [InlineData("category=swimming", new[] { "SWIM" })]
    [InlineData("district=SODINGEN", new[] { "GYM" })]
    [InlineData("access=step-free", new[] { "CAFE", "GYM" })]
    [InlineData("thisWeek=true", new[] { "SWIM" })]
    [InlineData("free=true&day=tuesday&access=step-free", new[] { "GYM" })]
    public async Task Each_filter_keeps_exactly_the_programmes_it_should(string query, string[] expected)
    {
        Codes(await SearchAsync(query)).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Drafts_and_cancelled_offerings_never_appear()
    {
        Codes(await SearchAsync("q=turnen")).Should().Equal("GYM");
    }

    [Theory]
    [InlineData("KINDERTURNEN")]
    [InlineData("kinderturen")]
    [InlineData("elterncafe")]
    [InlineData("schwimmkurs fur")]
    [InlineData("cocuk jimnastigi")]
    [InlineData("ÇOCUK")]
    public async Task Text_search_forgives_case_diacritics_and_small_typos(string q)
    {
        var items = await SearchAsync($"q={Uri.EscapeDataString(q)}", "tr");

        items.Should().NotBeEmpty($"'{q}' should find something");
    }

    [Fact]
    public async Task Text_search_looks_in_the_visitors_language_and_then_the_citys()
    {
        var turkish = await SearchAsync("q=jimnastik", "tr");
        var german = await SearchAsync("q=schwimmkurs", "tr");
        var englishVisitor = await SearchAsync("q=jimnastik", "en");

        Codes(turkish).Should().Equal("GYM");
        turkish[0].GetProperty("title").GetString().Should().Be("Çocuk jimnastiği");
        Codes(german).Should().Equal("SWIM");
        german[0].GetProperty("titleLanguage").GetString().Should().Be("de");
        englishVisitor.Should().BeEmpty("Turkish texts are neither the visitor's language nor the city's");
    }

    [Theory]
    [InlineData("postcode=99999", "postcode")]
    [InlineData("age=200", "age")]
    [InlineData("birth=2099-01", "birth")]
    [InlineData("page=5000", "page")]
    [InlineData("radiusKm=5", "radiusKm")]
    [InlineData("near=north-pole", "near")]
    [InlineData("day=someday", "day")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task Bad_input_gets_a_400_problem_naming_the_parameter(string query, string field)
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/api/v1/programmes?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).Should().BeTrue();
        messages[0].GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Overlong_and_hostile_queries_are_refused_or_harmless_never_a_500()
    {
        using var client = portal.CreateClient();

        var overlong = await client.GetAsync($"/api/v1/programmes?q={new string('a', 500)}");
        var hostile = await client.GetAsync($"/api/v1/programmes?q={Uri.EscapeDataString("'; DROP TABLE programmes; --")}");
        var percent = await client.GetAsync($"/api/v1/programmes?q={Uri.EscapeDataString("%_\\")}");

        overlong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        hostile.StatusCode.Should().Be(HttpStatusCode.OK);
        percent.StatusCode.Should().Be(HttpStatusCode.OK);
        Codes(await SearchAsync("")).Should().Contain("GYM", "the programmes table is still there");
    }

    [Fact]
    public async Task Pages_split_the_results_and_a_page_past_the_end_is_empty_with_the_total()
    {
        using var client = portal.CreateClient();

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/programmes?pageSize=2&page=1")).RootElement;
        var beyond = JsonDocument.Parse(await client.GetStringAsync("/api/v1/programmes?pageSize=2&page=9")).RootElement;

        first.GetProperty("total").GetInt32().Should().Be(3);
        first.GetProperty("items").GetArrayLength().Should().Be(2);
        beyond.GetProperty("items").GetArrayLength().Should().Be(0);
        beyond.GetProperty("total").GetInt32().Should().Be(3);
    }

    private async Task<List<JsonElement>> SearchAsync(string query, string language = "de")
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync($"/api/v1/programmes?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<string?> Codes(List<JsonElement> items) => items.Select(i => i.GetProperty("code").GetString()).ToList();
}
