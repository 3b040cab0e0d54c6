using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Translations;

/// <summary>
/// The UI is translated; programme texts exist only in the languages the city wrote. Kocaeli writes Turkish and
/// English, so a Dutch visitor reads the Dutch interface with Turkish programme texts, marked lang="tr" so screen
/// readers pronounce them right, and a note in Dutch that the text is not translated.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContentLanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_Dutch_visitor_reads_untranslated_programmes_in_the_citys_language_marked_lang_tr()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone, language: "en");
        var page = visitor.Page;
        await visitor.OpenAsync("/", "start");
        await visitor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }), "dutch-chosen");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("nl");
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", "nl"));
        (await page.Locator(".card__title").EvaluateAllAsync<string[]>("els => els.map(e => e.lang)")).Should().OnlyContain(lang => lang == "tr");

        await visitor.FollowAsync(page.Locator(".card__title a").First, "programme");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("nl");
        (await page.Locator("h1").EvaluateAsync<string>("h1 => h1.closest('[lang]').lang")).Should().Be("tr", "the title is Turkish text");
        (await page.Locator("article.programme").GetAttributeAsync("lang")).Should().Be("tr");
        var notice = page.Locator(".notice");
        (await notice.GetAttributeAsync("lang")).Should().Be("nl");
        (await notice.InnerTextAsync()).Should().Be(UiStrings.Get("ContentNotTranslated", "nl"));
        (await page.Locator("h2#register-heading").InnerTextAsync()).Should().Be("Aanmelden", "the interface stays Dutch");
    }
}
