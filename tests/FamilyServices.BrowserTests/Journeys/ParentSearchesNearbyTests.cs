using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 4's journeys: parents use the search form on the start page, on a phone and without JavaScript too,
/// and every page on the way passes axe, the keyboard walk and the raw-key check.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ParentSearchesNearbyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone", true)]
    [InlineData("phone", false)]
    [InlineData("desktop", true)]
    public async Task A_Turkish_parent_finds_a_workshop_for_a_five_year_old_within_3_km_and_adds_a_session_to_the_calendar(string viewport, bool javaScript)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr", javaScript: javaScript);
        var page = parent.Page;
        await parent.OpenAsync("/", "start");

        await page.Locator("#where").FillAsync("41040");
        await page.Locator("#age").FillAsync("5");
        await page.Locator("#radiusKm").SelectOptionAsync("3");
        await page.GetByText("Diğer filtreler").ClickAsync();
        await page.Locator("#category").SelectOptionAsync("workshops");
        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ara", Exact = true }), "results");

        var query = new Uri(page.Url).Query;
        query.Should().Contain("where=41040").And.Contain("age=5").And.Contain("radiusKm=3").And.Contain("category=workshops");
        (await page.Locator(".result-count").InnerTextAsync()).Should().Contain("41040");
        var distances = await page.Locator(".card__distance strong").AllInnerTextsAsync();
        distances.Should().NotBeEmpty("there are workshops near 41040 in İzmit");
        distances.Select(Kilometres).Should().OnlyContain(km => km <= 3.0).And.BeInAscendingOrder();

        var first = page.Locator(".card__title a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await parent.FollowAsync(first, "workshop");
        (await parent.HeadingAsync()).Should().Be(title);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.session__calendar").First.ClickAsync());
        download.SuggestedFilename.Should().EndWith(".ics");
        var calendar = await File.ReadAllTextAsync((await download.PathAsync())!);
        calendar.Should().StartWith("BEGIN:VCALENDAR").And.Contain("BEGIN:VEVENT").And.Contain("DTSTART:");
        Unfolded(calendar).Should().Contain("SUMMARY:" + title);
    }

    [Theory]
    [InlineData("phone", true)]
    [InlineData("phone", false)]
    [InlineData("desktop", true)]
    public async Task A_German_parent_in_Herne_filters_to_free_offers_on_Saturday(string viewport, bool javaScript)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "de", javaScript: javaScript, portal: browser.HerneAddress);
        var page = parent.Page;
        await parent.OpenAsync("/", "start");
        (await parent.HeadingAsync()).Should().Be("Angebote für Kinder und Familien");

        await page.GetByText("Weitere Filter").ClickAsync();
        await page.Locator("#day").SelectOptionAsync("saturday");
        await page.GetByLabel("Nur kostenlose").CheckAsync();
        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }), "saturday-free");

        new Uri(page.Url).Query.Should().Contain("day=saturday").And.Contain("free=true");
        var costs = await page.Locator(".card dt:text-is('Kosten') + dd").AllInnerTextsAsync();
        costs.Should().NotBeEmpty("Herne has free Saturday offers").And.OnlyContain(cost => cost.Trim() == "Kostenlos");
        (await page.Locator("#day").InputValueAsync()).Should().Be("saturday", "the form shows the filters that are applied");

        await parent.FollowAsync(page.Locator(".card__title a").First, "offer");
        (await page.Locator(".offering__schedule").AllInnerTextsAsync()).Should().Contain(text => text.Contains("Samstag"));
    }

    private static double Kilometres(string text)
    {
        var number = NumberPattern().Match(text).Value.Replace(',', '.');
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return text.Contains("km", StringComparison.Ordinal) ? value : value / 1000;
    }

    private static string Unfolded(string calendar) => calendar.Replace("\r\n ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"[\d.,]+")]
    private static partial Regex NumberPattern();
}
