using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Accessibility;

/// <summary>
/// A parent who cannot use a mouse: the skip link, the language buttons, the programme links and the back link
/// are reached with Tab and work with Enter or Space. (That every link and button is reachable and shows its
/// focus is checked on every page by <see cref="Visitor.ArriveAsync"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardOnlyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_parent_finds_a_programme_with_the_keyboard_alone(string viewport)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "en");
        var page = parent.Page;
        await parent.OpenAsync("/", "start");

        // Language buttons: Tab to one, Space presses it (a form post).
        await KeyboardCheck.TabToAsync(page, ".language-switch button[value=tr]");
        await parent.PressAsync("Space", "turkish-by-space");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("tr");

        // Skip link: the first Tab stop; Enter moves focus to the content, so the next Tab is the search box.
        await page.Keyboard.PressAsync("Tab");
        (await KeyboardCheck.ActiveElementAsync(page)).Should().Be("a", "the skip link comes first");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).Should().Be("skip-link");
        (await page.Locator(".skip-link").IsVisibleAsync()).Should().BeTrue();
        await parent.ScreenshotAsync("skip-link-focused");
        await page.Keyboard.PressAsync("Enter");
        new Uri(page.Url).Fragment.Should().Be("#main");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should()
            .Be("q", "after the skip link, Tab goes to the search box, not through the header again");

        // Type a search and submit it with Enter, then Tab on to the first result.
        await page.Keyboard.TypeAsync("drama");
        await parent.PressAsync("Enter", "searched-by-enter");
        new Uri(page.Url).Query.Should().Contain("q=drama");
        await KeyboardCheck.TabToAsync(page, ".card__title a");
        var title = (await page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim();
        await parent.ScreenshotAsync("programme-link-focused");

        // Programme link: Enter opens it.
        await parent.PressAsync("Enter", "programme-by-enter");
        (await parent.HeadingAsync()).Should().Be(title);

        // Back link: Tab to it, Enter returns to the list.
        await KeyboardCheck.TabToAsync(page, ".breadcrumb a");
        await parent.PressAsync("Enter", "back-by-enter");
        new Uri(page.Url).AbsolutePath.Should().Be("/");
        (await parent.HeadingAsync()).Should().Be("Çocuklar ve aileler için programlar");
    }
}
