using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// The first journey: a parent arrives on the start page in English, switches the portal to Turkish with the
/// buttons in the header, opens a programme and reads it in Turkish, then goes back to the list.
/// Every page on the way is screenshotted and checked (axe, keyboard, raw resource keys).
/// </summary>
[Collection(BrowserCollection.Name)]
public class ParentFindsAProgrammeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task A_parent_switches_to_Turkish_and_reads_a_programme_in_Turkish(string viewport)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "en");
        await TurkishJourneyAsync(parent);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task The_same_journey_works_without_JavaScript(string viewport)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "en", javaScript: false);

        await parent.Page.SetContentAsync("<p id=x>off</p><script>document.getElementById('x').textContent = 'on'</script>");
        (await parent.Page.Locator("#x").InnerTextAsync()).Should().Be("off", "page scripts really do not run in this context");

        await TurkishJourneyAsync(parent);
    }

    private static async Task TurkishJourneyAsync(Visitor parent)
    {
        var page = parent.Page;
        await parent.OpenAsync("/", "start");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");
        (await parent.HeadingAsync()).Should().Be("Programmes for children and families");

        await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Türkçe" }), "turkish-chosen");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("tr");
        (await parent.HeadingAsync()).Should().Be("Çocuklar ve aileler için programlar");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Türkçe" }).GetAttributeAsync("aria-pressed")).Should().Be("true");
        var firstProgramme = page.Locator(".card__title a").First;
        var title = (await firstProgramme.InnerTextAsync()).Trim();

        await parent.FollowAsync(firstProgramme, "programme");

        new Uri(page.Url).AbsolutePath.Should().StartWith("/programmes/");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("tr");
        (await parent.HeadingAsync()).Should().Be(title);
        (await page.Locator("article.programme").GetAttributeAsync("lang")).Should().Be("tr", "the Kocaeli programmes are written in Turkish");
        (await page.Locator("h2").AllInnerTextsAsync()).Should().Contain(["Nasıl kayıt olunur", "Nerede ve ne zaman"]);
        (await page.Locator("dt").AllInnerTextsAsync()).Should().Contain(["Yaş", "Ücret", "Diller"]);
        (await page.Locator(".notice").CountAsync()).Should().Be(0, "the text exists in Turkish, so no 'not translated' notice");

        await parent.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Tüm programlar" }), "back-to-list");

        new Uri(page.Url).AbsolutePath.Should().Be("/");
        (await parent.HeadingAsync()).Should().Be("Çocuklar ve aileler için programlar", "the choice is remembered");
    }
}
