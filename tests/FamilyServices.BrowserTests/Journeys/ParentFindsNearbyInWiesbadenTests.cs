using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 14's journey for the Wiesbaden demo: a parent in Biebrich (65203) looks on a phone, with and without
/// JavaScript, for what the Kinder-Eltern-Zentren offer within 3 km, reads it in German, and opens a programme to see
/// where its KiEZ is. Every page passes axe, the keyboard walk and the raw-key check.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ParentFindsNearbyInWiesbadenTests(BrowserFixture browser)
{
    private const string Postcode = "65203";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parent_in_Biebrich_finds_kiez_offers_within_3_km_in_german_and_sees_the_centre(bool javaScript)
    {
        var portal = await browser.CityAsync("wiesbaden", "de");
        await using var parent = await browser.NewVisitorAsync(Viewport.Named("phone"), language: "de", javaScript: javaScript, portal: portal);
        var page = parent.Page;
        await parent.OpenAsync("/search", "search");
        (await parent.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", "de"));

        await page.Locator("#where").FillAsync(Postcode);
        await page.Locator("#radiusKm").SelectOptionAsync("3");
        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SearchSubmit", "de"), Exact = true }), "results");

        new Uri(page.Url).Query.Should().Contain("where=" + Postcode).And.Contain("radiusKm=3");
        (await page.Locator(".result-count").InnerTextAsync()).Should().Contain(Postcode);
        var distances = await page.Locator(".card__distance strong").AllInnerTextsAsync();
        distances.Should().NotBeEmpty("the KiEZ Biebrich and Gräselberg are near 65203");
        distances.Select(Kilometres).Should().OnlyContain(km => km <= 3.0).And.BeInAscendingOrder();

        // The German titles of what the portal publishes near the postcode, read from its own catalogue API.
        var api = await page.APIRequest.GetAsync($"/api/v1/programmes?where={Postcode}&radiusKm=3&pageSize=100",
            new() { Headers = new Dictionary<string, string> { ["Accept-Language"] = "de" } });
        api.Ok.Should().BeTrue();
        using var json = JsonDocument.Parse(await api.TextAsync());
        var germanTitles = json.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("titleLanguage").GetString() == "de")
            .Select(item => item.GetProperty("title").GetString()!).ToList();
        germanTitles.Should().NotBeEmpty();

        var titles = (await page.Locator(".card__title a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        titles.Should().BeEquivalentTo(germanTitles, "the cards show the same programmes, in German");
        (await page.Locator(".card__title").First.GetAttributeAsync("lang")).Should().Be("de");

        var first = page.Locator(".card__title a").First;
        var title = (await first.InnerTextAsync()).Trim();
        var nearest = (await page.Locator(".card__distance").First.InnerTextAsync()).Split('·', 2)[1].Trim();
        await parent.FollowAsync(first, "programme");
        (await parent.HeadingAsync()).Should().Be(title);
        var centres = await page.Locator(".offering__centre a").AllInnerTextsAsync();
        centres.Select(c => c.Trim()).Should().Contain(nearest, "the programme page lists the centre the card named");

        await parent.FollowAsync(page.Locator(".offering__centre a", new() { HasTextString = nearest }).First, "centre");
        (await parent.HeadingAsync()).Should().Be(nearest);
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Wiesbaden");
    }

    private static double Kilometres(string text)
    {
        var number = NumberPattern().Match(text).Value.Replace(',', '.');
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return text.Contains("km", StringComparison.Ordinal) ? value : value / 1000;
    }

    [GeneratedRegex(@"[\d.,]+")]
    private static partial Regex NumberPattern();
}
