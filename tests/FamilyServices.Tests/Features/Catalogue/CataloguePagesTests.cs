using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Catalogue;

public class CataloguePagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Start_page_lists_published_programmes_in_the_visitors_language_and_hides_drafts()
    {
        var (published, draft) = await TwoProgrammesAsync();
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("tr");

        var response = await client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Çocuk jimnastiği", "Turkish letters are written as they are, not as entities");
        html.Should().NotContain(draft.Code.ToLowerInvariant());
        var page = await Html.ParseAsync(response);
        page.Find("//html").GetAttributeValue("lang", "").Should().Be("tr");
        var link = page.Find($"//a[@href='/programmes/{published.Slug}']");
        link.Should().NotBeNull();
        link.Text().Should().Be("Çocuk jimnastiği");
    }

    [Fact]
    public async Task Content_missing_in_the_visitors_language_falls_back_to_the_citys_language_marked_with_lang()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync(Languages.German);
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Babytreff im Familienzentrum"));
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        var page = await Html.ParseAsync(await client.GetAsync($"/programmes/{programme.Slug}"));

        var heading = page.Find("//article[@class='programme']");
        heading.GetAttributeValue("lang", "").Should().Be("de");
        heading.Find(".//h1").Text().Should().Be("Babytreff im Familienzentrum");
        page.Find("//p[@class='notice']").Text().Should().Be("Deze tekst is nog niet beschikbaar in uw taal.");
    }

    [Fact]
    public async Task Programme_page_shows_details_and_where_it_runs()
    {
        var (published, _) = await TwoProgrammesAsync();
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.GetAsync($"/programmes/{published.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.Find("//h1").Text().Should().Be("Children's gym");
        page.Find("//title").Text().Should().StartWith("Children's gym");
        page.Find("//h3[@class='offering__centre']").Text().Should().Be("Familienzentrum Sonnenblume");
        page.Find("//p[@class='offering__schedule']").Text().Should().Contain("Monday, Wednesday");
        page.DocumentNode.InnerText.Should().Contain("3–6 years").And.Contain("Free");
    }

    [Theory]
    [InlineData("tr", "Sayfa bulunamadı")]
    [InlineData("de", "Seite nicht gefunden")]
    public async Task Drafts_and_unknown_pages_answer_404_with_a_page_in_the_visitors_language(string language, string heading)
    {
        var (_, draft) = await TwoProgrammesAsync();
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        foreach (var url in new[] { $"/programmes/{draft.Slug}", "/no/such/page" })
        {
            var response = await client.GetAsync(url);

            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            (await Html.ParseAsync(response)).Find("//h1").Text().Should().Be(heading);
        }
    }

    private async Task<(Programme Published, Programme Draft)> TwoProgrammesAsync()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        var published = await catalogue.ProgrammeAsync(PublicationState.Published,
            ("de", "Kinderturnen"), ("tr", "Çocuk jimnastiği"), ("en", "Children's gym"));
        var draft = await catalogue.ProgrammeAsync(PublicationState.Draft, ("de", "Geheimer Entwurf"));
        await catalogue.OfferingAsync(published, centre);
        return (published, draft);
    }
}
