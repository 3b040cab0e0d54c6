using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 14's journey in the district of Mayen-Koblenz: a parent on a phone, with and without JavaScript, searches
/// near the Andernach postcode and finds the Kita social work's offers nearby, in German, nearest first, then opens
/// one and sees the Kita that runs it. What the page must show is asked of the portal's own search API first.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ParentFindsNearbyInMayenKoblenzTests(BrowserFixture browser)
{
    private const string City = "mayen-koblenz";
    private const string Postcode = "56626";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parent_in_Andernach_finds_offers_of_the_kita_social_work_nearby_in_german_and_opens_one(bool javaScript)
    {
        var portal = await browser.CityAsync(City, "de");
        var expected = await SearchApiAsync(portal, Postcode);
        expected.Items.Should().NotBeEmpty("the district's Kitas have current offers");
        expected.Items.Should().OnlyContain(item => item.TitleLanguage == "de" && item.DistanceMetres != null && item.NearestCentre != null);

        await using var parent = await browser.NewVisitorAsync(Viewport.Phone, language: "de", javaScript: javaScript, portal: portal);
        var page = parent.Page;
        await parent.OpenAsync("/", "start");
        (await parent.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", "de"));

        await page.Locator("#where").FillAsync(Postcode);
        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SearchSubmit", "de"), Exact = true }), "results");

        new Uri(page.Url).Query.Should().Contain("where=" + Postcode);
        (await page.Locator(".result-count").InnerTextAsync())
            .Should().Contain(UiStrings.Get("SearchResultCount", "de").Replace("{0}", expected.Total.ToString(CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal))
            .And.Contain(Postcode);
        var titles = (await page.Locator(".card__title a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        titles.Should().Equal(expected.Items.Take(titles.Count).Select(i => i.Title), "the page lists what the search finds, nearest first");
        (await page.Locator(".card__title").First.GetAttributeAsync("lang")).Should().Be("de");
        var distances = (await page.Locator(".card__distance strong").AllInnerTextsAsync()).Select(Kilometres).ToList();
        distances.Should().HaveCount(titles.Count).And.BeInAscendingOrder();
        distances[0].Should().BeLessThan(3, "there are Kitas with Kita social work in Andernach");

        var first = expected.Items[0];
        await parent.FollowAsync(page.Locator(".card__title a").First, "programme");
        (await parent.HeadingAsync()).Should().Be(first.Title);
        var centres = (await page.Locator(".offering__centre").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        centres.Should().Contain(first.NearestCentre!.Name, "the programme page lists the Kita nearest to the parent");

        await parent.FollowAsync(page.Locator(".offering__centre a", new() { HasTextString = first.NearestCentre.Name }).First, "kita");
        (await parent.HeadingAsync()).Should().Be(first.NearestCentre.Name);
    }

    private static async Task<SearchAnswer> SearchApiAsync(Uri portal, string postcode)
    {
        using var client = new HttpClient { BaseAddress = portal };
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        var answer = await client.GetFromJsonAsync<SearchAnswer>($"/api/v1/programmes?postcode={postcode}&pageSize=100", JsonOptions);
        return answer!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static double Kilometres(string text)
    {
        var number = NumberPattern().Match(text).Value.Replace(',', '.');
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return text.Contains("km", StringComparison.Ordinal) ? value : value / 1000;
    }

    [GeneratedRegex(@"[\d.,]+")]
    private static partial Regex NumberPattern();

    private sealed record SearchAnswer(int Total, List<SearchItem> Items);

    private sealed record SearchItem(string Title, string TitleLanguage, double? DistanceMetres, Centre? NearestCentre);

    private sealed record Centre(string Code, string Name);
}
