using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 14's journey for Leeuwarden: a Dutch parent on a phone types a full Dutch postcode in Heechterp on the search
/// page, with and without JavaScript, sees extra learning time at the IKCs nearby with their distances, in Dutch,
/// opens one and sees the centre where it runs. The expected titles come from the portal's own programme API.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ParentFindsNearbyInLeeuwardenTests(BrowserFixture browser)
{
    private const string Postcode = "8924 BK";

    [Theory]
    [InlineData("phone", true)]
    [InlineData("phone", false)]
    public async Task A_Dutch_parent_finds_extra_learning_time_near_a_Leeuwarden_postcode(string viewport, bool javaScript)
    {
        var portal = await browser.CityAsync("leeuwarden", "nl");
        var expected = await ProgrammesNearAsync(portal);
        expected.Should().NotBeEmpty($"the demo has programmes within 3 km of {Postcode}");
        expected.Should().OnlyContain(p => p.TitleLanguage == "nl", "every Leeuwarden programme has a Dutch title");

        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "nl", javaScript: javaScript, portal: portal);
        var page = parent.Page;
        await parent.OpenAsync("/search", "search");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("nl");
        (await parent.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", "nl"));

        await page.Locator("#where").FillAsync(Postcode);
        await page.Locator("#radiusKm").SelectOptionAsync("3");
        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SearchSubmit", "nl"), Exact = true }), "results");

        (await page.Locator(".result-count").InnerTextAsync()).Should().Contain("8924 Leeuwarden");
        var distances = await page.Locator(".card__distance strong").AllInnerTextsAsync();
        distances.Should().NotBeEmpty().And.HaveCount(expected.Take(20).Count());
        distances.Select(Kilometres).Should().OnlyContain(km => km <= 3.0).And.BeInAscendingOrder();
        var titles = (await page.Locator(".card__title a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        titles.Should().Equal(expected.Take(20).Select(p => p.Title), "the page lists what the programme API finds, in Dutch");

        var first = page.Locator(".card__title a").First;
        await parent.FollowAsync(first, "programme");
        (await parent.HeadingAsync()).Should().Be(expected[0].Title);
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("nl");
        var centreName = expected[0].NearestCentre;
        (await page.Locator(".offering__centre a").AllInnerTextsAsync()).Select(n => n.Trim())
            .Should().Contain(centreName, "the nearest centre is among the places it runs");
        var centre = page.Locator(".offering__centre a").Filter(new() { HasText = centreName }).First;

        await parent.FollowAsync(centre, "centre");
        (await parent.HeadingAsync()).Should().Be(centreName);
        (await parent.RenderedTextAsync()).Should().Contain("Leeuwarden");
    }

    private sealed record Expected(string Title, string TitleLanguage, string NearestCentre);

    /// <summary>What the public programme API answers a Dutch reader for the same search, nearest first.</summary>
    private static async Task<List<Expected>> ProgrammesNearAsync(Uri portal)
    {
        using var client = new HttpClient { BaseAddress = portal };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var query = $"/api/v1/programmes?where={Uri.EscapeDataString(Postcode)}&radiusKm=3&pageSize=100";
        var body = await client.GetFromJsonAsync<JsonElement>(query);
        return [.. body.GetProperty("items").EnumerateArray().Select(item => new Expected(
            item.GetProperty("title").GetString()!,
            item.GetProperty("titleLanguage").GetString()!,
            item.GetProperty("nearestCentre").GetProperty("name").GetString()!))];
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
