using System.Net;
using FamilyServices.Tests.Infrastructure;

namespace FamilyServices.Tests.Features.Catalogue.Search;

public class SearchPageTests(SearchFixture portal) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task Results_near_a_postcode_show_their_distance_and_keep_the_filters_in_the_form()
    {
        var page = await GetAsync("/search?where=44623&radiusKm=3&free=true", "de");

        page.Find("//h2[@id='results-heading']").Text().Should().Contain("1 Angebote gefunden").And.Contain("44623");
        page.Find("//p[@class='card__distance']").Text().Should().StartWith("0 m");
        page.Find("//input[@id='where']").GetAttributeValue("value", "").Should().Be("44623");
        page.Find("//select[@id='radiusKm']/option[@selected]").GetAttributeValue("value", "").Should().Be("3");
        page.Find("//input[@name='free']").Attributes.Contains("checked").Should().BeTrue();
        page.Find("//details[contains(@class,'search-form__more')]").Attributes.Contains("open").Should().BeTrue("a filter inside is in use");
    }

    [Theory]
    [InlineData("/search?age=200", "de", "Geben Sie ein Alter von 0 bis 17 Jahren ein.", "age")]
    [InlineData("/search?where=99999", "tr", "\"99999\" yerini bulamadık.", "where")]
    [InlineData("/search?radiusKm=5", "nl", "Een afstand werkt alleen met een plaats", "radiusKm")]
    public async Task Bad_input_is_explained_in_the_visitors_language_next_to_the_field_and_kept(string url, string language, string message, string field)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.Find("//div[@class='error-summary']");
        summary.Text().Should().Contain(message);
        summary.Find(".//a").GetAttributeValue("href", "").Should().Be($"#{field}");
        page.Find($"//*[@id='{field}']").GetAttributeValue("aria-invalid", "").Should().Be("true");
    }

    [Fact]
    public async Task Without_filters_the_start_page_lists_every_published_programme()
    {
        var page = await GetAsync("/", "de");

        page.DocumentNode.SelectNodes("//li[@class='card']").Should().HaveCount(3);
        page.Find("//h1").Text().Should().Be("Angebote für Kinder und Familien");
    }

    private async Task<HtmlAgilityPack.HtmlDocument> GetAsync(string url, string language)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Html.ParseAsync(response);
    }
}
