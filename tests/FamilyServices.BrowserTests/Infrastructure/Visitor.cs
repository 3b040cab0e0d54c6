using System.Text.RegularExpressions;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>What <see cref="Visitor.ArriveAsync"/> checks on each page besides taking its screenshot.</summary>
[Flags]
public enum PageChecks
{
    None = 0,
    /// <summary>axe-core, WCAG 2.1 A and AA rules: no violation at all; and no sideways scrolling (reflow).</summary>
    Accessibility = 1,
    /// <summary>Every link and button reachable with Tab, skip link first, focus visible (3:1 against its surroundings).</summary>
    Keyboard = 2,
    /// <summary>No resource key rendered instead of its text.</summary>
    ResourceKeys = 4,
    All = Accessibility | Keyboard | ResourceKeys,
}

/// <summary>
/// One person using the portal in one browser context. Every page they reach goes through <see cref="ArriveAsync"/>:
/// a full-page screenshot named after the test, step, viewport and language, then the page checks.
/// </summary>
public sealed class Visitor(IBrowserContext context, IPage page, string test, Viewport viewport, bool javaScript) : IAsyncDisposable
{
    private int _steps;

    public IPage Page { get; } = page;

    public Viewport Viewport { get; } = viewport;

    /// <summary>Opens a path of the portal (relative to its address) and checks the page.</summary>
    public async Task<IResponse?> OpenAsync(string path, string step, PageChecks checks = PageChecks.All)
    {
        var response = await Page.GotoAsync(path);
        await ArriveAsync(step, checks);
        return response;
    }

    /// <summary>Clicks (or taps) something that leads to another page - a link or a form button - and checks that page.</summary>
    public Task FollowAsync(ILocator target, string step, PageChecks checks = PageChecks.All) =>
        NavigateAsync(() => target.ClickAsync(), step, checks);

    /// <summary>Presses a key on the focused element (Enter on a link, Space on a button) and checks the page it leads to.</summary>
    public Task PressAsync(string key, string step, PageChecks checks = PageChecks.All) =>
        NavigateAsync(() => Page.Keyboard.PressAsync(key), step, checks);

    /// <summary>
    /// Clicks a link or button of an interactive staff page that moves to another address inside the circuit (no page
    /// load: the interactive router changes the address), then checks the page it leads to.
    /// </summary>
    public async Task FollowInAppAsync(ILocator target, string step, PageChecks checks = PageChecks.All)
    {
        var before = Page.Url;
        await target.ClickAsync();
        await Page.WaitForURLAsync(url => url != before);
        await ArriveAsync(step, checks);
    }

    /// <summary>
    /// Waits until an interactive staff page runs in its circuit (the staff layout marks it), so clicks reach handlers.
    /// Static pages (no blazor.web.js, whose address is fingerprinted: _framework/blazor.web.{fingerprint}.js) return at once.
    /// </summary>
    public async Task WaitForCircuitAsync()
    {
        // One check in the page, so that a document replaced meanwhile (a static page loaded from a staff page's link
        // after the address changed) is judged as a whole: static, or interactive and ready.
        await Page.WaitForFunctionAsync(
            "() => !document.querySelector(\"script[src*='_framework/blazor.web.']\") || document.querySelector('[data-circuit=ready]') !== null",
            null, new PageWaitForFunctionOptions { Timeout = CircuitTimeoutMs, PollingInterval = 100 });
    }

    /// <summary>
    /// Generous: CI runs on two busy cores, and a circuit's first render loads the page's data; under a full suite plus
    /// another run on the same machine, the Admin's list of every centre's sessions once took over a minute, and on
    /// 2026-12-07 one staff page of the desktop walk needed more than two (that list is slow: issue 15).
    /// </summary>
    public const float CircuitTimeoutMs = 240_000;

    private async Task NavigateAsync(Func<Task> action, string step, PageChecks checks)
    {
#pragma warning disable CS0612, CS0618 // The replacement, WaitForURL, cannot see a form post that returns to the same address.
        await Page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612, CS0618
        await ArriveAsync(step, checks);
    }

    /// <summary>Only a screenshot of the page as it is now (e.g. with focus on an element), no checks.</summary>
    public Task ScreenshotAsync(string step) => ArriveAsync(step, PageChecks.None);

    /// <summary>Screenshot of what the person sees, then the checks (those that need scripts only where scripts run).</summary>
    public async Task ArriveAsync(string step, PageChecks checks = PageChecks.All)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        if (javaScript) await WaitForCircuitAsync();
        var language = await Page.Locator("html").GetAttributeAsync("lang") ?? "none";
        var file = Infrastructure.Screenshots.PathFor(test, ++_steps, step, Viewport, language);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        var where = $"{Page.Url} (step '{step}', {Viewport.Name}, lang={language}, screenshot {file})";
        if (checks.HasFlag(PageChecks.ResourceKeys))
        {
            var rawKeys = UiStrings.RawKeysIn(await RenderedTextAsync());
            if (rawKeys.Count > 0)
            {
                throw new MissingTranslationException($"The page shows resource key(s) instead of text: {string.Join(", ", rawKeys)} on {where}");
            }
        }
        if (!javaScript) return; // axe and the focus log run as scripts in the page
        if (checks.HasFlag(PageChecks.Accessibility))
        {
            await Axe.AssertNoViolationsAsync(Page, where);
            await Reflow.AssertNoSidewaysScrollingAsync(Page, where);
        }
        if (checks.HasFlag(PageChecks.Keyboard)) await KeyboardCheck.AssertUsableByKeyboardAsync(Page, where);
    }

    /// <summary>The text a person can read or hear: the title, the visible text and the accessible labels.</summary>
    public async Task<string> RenderedTextAsync()
    {
        var title = await Page.TitleAsync();
        var body = await Page.Locator("body").InnerTextAsync();
        var labels = await Page.Locator("[aria-label], [title], [alt], [placeholder], meta[name=description]").EvaluateAllAsync<string[]>(
            "els => els.flatMap(e => ['aria-label', 'title', 'alt', 'placeholder', 'content'].map(a => e.getAttribute(a)).filter(v => v))");
        return $"{title}\n{body}\n{string.Join('\n', labels)}";
    }

    /// <summary>The text of the page's main heading, whitespace collapsed.</summary>
    public async Task<string> HeadingAsync() =>
        Regex.Replace(await Page.Locator("h1").First.InnerTextAsync(), @"\s+", " ").Trim();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

public sealed class MissingTranslationException(string message) : Exception(message);
