using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Catalogue;

public class OfferingsApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Lists_only_published_offerings_of_published_programmes_with_their_place_and_schedule()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Eltern-Kind-Turnen"), ("en", "Parent and child gym"));
        var draftProgramme = await catalogue.ProgrammeAsync(PublicationState.Draft);
        var published = await catalogue.OfferingAsync(programme, centre);
        var draftOffering = await catalogue.OfferingAsync(programme, centre, PublicationState.Draft);
        var archivedOffering = await catalogue.OfferingAsync(programme, centre, PublicationState.Archived);
        var ofDraftProgramme = await catalogue.OfferingAsync(draftProgramme, centre);

        var items = await AllItemsAsync();

        var codes = items.Select(i => i.GetProperty("code").GetString()).ToList();
        codes.Should().Contain(published.Code).And.NotContain([draftOffering.Code, archivedOffering.Code, ofDraftProgramme.Code]);
        var item = items.Single(i => i.GetProperty("code").GetString() == published.Code);
        item.GetProperty("programmeCode").GetString().Should().Be(programme.Code);
        item.GetProperty("programmeTitle").GetString().Should().Be("Parent and child gym");
        item.GetProperty("centreCode").GetString().Should().Be(centre.Code);
        item.GetProperty("centreName").GetString().Should().Be("Familienzentrum Sonnenblume");
        item.GetProperty("districtCode").GetString().Should().Be(centre.District.Code);
        item.GetProperty("latitude").GetDouble().Should().Be(51.54);
        item.GetProperty("longitude").GetDouble().Should().Be(7.22);
        var schedule = item.GetProperty("schedule");
        schedule.GetProperty("kind").GetString().Should().Be("weekly");
        schedule.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()).Should().Equal("monday", "wednesday");
        schedule.GetProperty("startTime").GetString().Should().Be("10:00");
        schedule.GetProperty("timeZone").GetString().Should().Be("Europe/Berlin");
    }

    [Fact]
    public async Task Titles_fall_back_to_the_citys_default_language_and_say_which_language_they_are_in()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync(Languages.German);
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Elterncafé am Markt"));
        var offering = await catalogue.OfferingAsync(programme, await catalogue.CentreAsync());

        var item = (await AllItemsAsync("tr")).Single(i => i.GetProperty("code").GetString() == offering.Code);

        item.GetProperty("programmeTitle").GetString().Should().Be("Elterncafé am Markt");
        item.GetProperty("programmeTitleLanguage").GetString().Should().Be("de");
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_report_the_total()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync();
        for (var i = 0; i < 5; i++) await catalogue.OfferingAsync(programme, centre);
        using var client = portal.CreateClient();

        var first = await GetJsonAsync(client, "/api/v1/offerings?page=1&pageSize=2");
        var second = await GetJsonAsync(client, "/api/v1/offerings?page=2&pageSize=2");

        var total = first.GetProperty("total").GetInt32();
        total.Should().BeGreaterThanOrEqualTo(5);
        first.GetProperty("pageSize").GetInt32().Should().Be(2);
        var firstCodes = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        var secondCodes = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        firstCodes.Should().HaveCount(2);
        secondCodes.Should().HaveCount(2).And.NotIntersectWith(firstCodes);
    }

    [Theory]
    [InlineData("pageSize=501")]
    [InlineData("pageSize=0")]
    [InlineData("page=0")]
    [InlineData("page=99999999")]
    [InlineData("page=abc")]
    public async Task Bad_paging_gets_a_400_problem_not_a_500(string query)
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/api/v1/offerings?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private async Task<List<JsonElement>> AllItemsAsync(string language = "en")
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await GetJsonAsync(client, "/api/v1/offerings?pageSize=500");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
