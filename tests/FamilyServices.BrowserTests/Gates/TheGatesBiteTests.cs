using FamilyServices.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FamilyServices.BrowserTests.Gates;

/// <summary>
/// The checkers themselves, on pages broken on purpose: a gate that never fails proves nothing.
/// Each test prints the checker's report, so its wording can be read in the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public class TheGatesBiteTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Head = "<!DOCTYPE html><html lang=\"en\"><head><title>Broken on purpose</title></head>";

    [Fact]
    public async Task The_reflow_check_reports_a_line_too_wide_for_a_phone()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone);
        const string phoneHead = "<!DOCTYPE html><html lang=\"en\"><head><title>Broken on purpose</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>";
        await visitor.Page.SetContentAsync($"{phoneHead}<body><main><h1>Import</h1><pre class=\"header\">{string.Join(',', Enumerable.Repeat("participant_code", 8))}</pre></main></body></html>");

        var check = () => visitor.ArriveAsync("too-wide", PageChecks.Accessibility);

        var failure = await check.Should().ThrowAsync<ReflowException>();
        failure.WithMessage("*in a 360 px viewport*<pre.header>*");
        output.WriteLine(failure.Which.Message);
    }

    [Fact]
    public async Task Axe_reports_an_image_without_alternative_text()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone);
        await visitor.Page.SetContentAsync($"{Head}<body><main><h1>Gallery</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"40\" height=\"40\"></main></body></html>");

        var violations = await Axe.RunAsync(visitor.Page);
        var check = () => visitor.ArriveAsync("image-without-alt", PageChecks.Accessibility);

        violations.Should().NotBeEmpty();
        violations.Select(v => v.Id).Should().Contain("image-alt");
        violations.Single(v => v.Id == "image-alt").Nodes.Single().Target.Should().Equal("img");
        var failure = await check.Should().ThrowAsync<AccessibilityException>();
        failure.WithMessage("*image-alt (critical)*at img*");
        output.WriteLine(failure.Which.Message);
    }

    [Fact]
    public async Task The_keyboard_check_reports_hidden_focus_and_unreachable_links()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Desktop);
        await visitor.Page.SetContentAsync($$"""
            {{Head}}<body>
            <style>.quiet:focus { outline: none; }</style>
            <a class="skip-link" href="#main">Skip to content</a>
            <main id="main"><a class="quiet" href="/a">No focus ring</a> <a href="/b" tabindex="-1">Mouse only</a>
            <details><summary>More</summary><a href="/c">Folded away</a></details></main>
            </body></html>
            """);

        var check = () => visitor.ArriveAsync("keyboard-traps", PageChecks.Keyboard);

        var failure = await check.Should().ThrowAsync<KeyboardException>();
        failure.WithMessage("*focus not visible on <a.quiet href=\"/a\">*").WithMessage("*never reached with Tab: <a href=\"/b\">*");
        failure.Which.Message.Should().NotContain("never reached with Tab: <a href=\"/c\">", "a link in a closed <details> is rightly out of the Tab order");
        output.WriteLine(failure.Which.Message);
    }

    [Fact]
    public async Task The_translation_check_reports_a_resource_key_rendered_as_text()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone);
        await visitor.Page.SetContentAsync($"{Head}<body><main><h1>StartHeading</h1><p>Age: 3–6 · <a href=\"/\" aria-label=\"BackToAll\">←</a></p></main></body></html>");

        var check = () => visitor.ArriveAsync("raw-keys", PageChecks.ResourceKeys);

        var failure = await check.Should().ThrowAsync<MissingTranslationException>();
        failure.WithMessage("*BackToAll, StartHeading*");
        UiStrings.RawKeysIn("Age: 3–6").Should().BeEmpty("'Age' is also the English text of the key Age, so it is not a tell");
        output.WriteLine(failure.Which.Message);
    }
}
