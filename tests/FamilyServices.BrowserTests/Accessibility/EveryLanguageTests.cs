using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Accessibility;

/// <summary>
/// The start page, a programme page and the 404 page in each UI language, on a phone and on a desktop. Each page
/// gets the full set of checks (axe WCAG 2.1 A/AA, keyboard, raw resource keys) and must carry its language.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EveryLanguageTests(BrowserFixture browser)
{
    public static TheoryData<string, string> LanguagesAndViewports()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "de", "nl", "tr", "en" })
        {
            data.Add(language, "phone");
            data.Add(language, "desktop");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguagesAndViewports))]
    public async Task Start_programme_and_404_pages_pass_every_check(string language, string viewport)
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Named(viewport), language);
        var page = visitor.Page;

        await visitor.OpenAsync("/", "start");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be(language);
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", language));

        await visitor.FollowAsync(page.Locator(".card__title a").First, "programme");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be(language);
        (await page.Locator("h2#register-heading").InnerTextAsync()).Should().Be(UiStrings.Get("HowToRegister", language));

        var response = await visitor.OpenAsync("/no/such/page", "not-found");
        response!.Status.Should().Be(404);
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be(language);
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("NotFoundTitle", language));
    }
}
