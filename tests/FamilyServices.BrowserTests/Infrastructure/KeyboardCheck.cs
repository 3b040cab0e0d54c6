using System.Text;
using System.Text.Json;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>Where focus landed after one press of Tab, and whether a sighted keyboard user could see it.</summary>
/// <remarks>
/// Visible means an outline or box-shadow whose colour has at least 3:1 contrast with what is painted around the
/// element (WCAG 2.1 SC 1.4.11 applies to focus indicators): a pale ring on a pale page does not count.
/// </remarks>
public sealed record FocusStop(int Index, string Element, bool FocusVisible, string Outline, string BoxShadow, string Background, double Contrast);

/// <summary>What pressing Tab through a whole page showed.</summary>
public sealed record TabWalk(IReadOnlyList<string> Interactive, IReadOnlyList<FocusStop> Stops)
{
    public IReadOnlyList<string> Unreached =>
        Interactive.Where((_, index) => Stops.All(s => s.Index != index)).ToList();

    public IReadOnlyList<FocusStop> Invisible => Stops.Where(s => s.Index >= 0 && !s.FocusVisible).DistinctBy(s => s.Index).ToList();
}

/// <summary>
/// Keyboard-only use: every link, button and field on the page must be reachable with Tab, the first stop must
/// be the skip link, and the focused element must show it: a non-'none' outline or a box-shadow, in a colour
/// with 3:1 contrast against the background around it.
/// </summary>
public static class KeyboardCheck
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Numbers the interactive elements and records, on every focus, which one it is and how it looks.</summary>
    private const string ListenScript = """
        () => {
            const selector = 'a[href], button:not([disabled]), details > summary:first-of-type, input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
            // Rendered and not inside a closed <details> (whose content Chromium hides with content-visibility).
            const shown = el => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
            const describe = el => {
                const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
                const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
                const href = el.getAttribute('href');
                return `<${el.tagName.toLowerCase()}${cls}${href ? ` href="${href}"` : ''}> "${text}"`;
            };
            const interactive = [...document.querySelectorAll(selector)].filter(shown);
            interactive.forEach((el, i) => el.dataset.fsTab = String(i));
            window.__fsFocusLog = [];
            if (!window.__fsFocusListening) {
                window.__fsFocusListening = true;
                const parse = text => {
                    const m = /rgba?\(([^)]*)\)/.exec(text || '');
                    if (!m) return null;
                    const [r, g, b, a = 1] = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                    return { r, g, b, a };
                };
                const luminance = ({ r, g, b }) => {
                    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
                    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                };
                const contrast = (x, y) => {
                    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
                    return (hi + 0.05) / (lo + 0.05);
                };
                const opaqueBackground = start => {
                    for (let n = start; n; n = n.parentElement) {
                        const c = parse(getComputedStyle(n).backgroundColor);
                        if (c && c.a >= 0.5) return c;
                    }
                    return { r: 255, g: 255, b: 255, a: 1 };
                };
                // What is painted just outside the focus ring: the element underneath there, not the DOM parent
                // (a skip link is positioned over the header).
                const backgroundAround = (el, reach) => {
                    const box = el.getBoundingClientRect();
                    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
                    for (const x of [box.left - reach, box.right + reach]) {
                        if (x < 0 || x >= innerWidth) continue;
                        const under = document.elementsFromPoint(x, y).find(n => n !== el && !el.contains(n));
                        if (under) return opaqueBackground(under);
                    }
                    return opaqueBackground(el.parentElement);
                };
                document.addEventListener('focusin', e => {
                    const el = e.target;
                    const style = getComputedStyle(el);
                    const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) || 0;
                    const reach = width + Math.max(parseFloat(style.outlineOffset) || 0, 0) + 2;
                    const behind = backgroundAround(el, reach);
                    const outline = parse(style.outlineColor);
                    const shadow = style.boxShadow === 'none' ? null : parse(style.boxShadow);
                    const ratios = [width > 0 && outline ? contrast(outline, behind) : 0, shadow ? contrast(shadow, behind) : 0];
                    window.__fsFocusLog.push({
                        index: el.dataset.fsTab === undefined ? -1 : Number(el.dataset.fsTab),
                        element: describe(el),
                        focusVisible: Math.max(...ratios) >= 3,
                        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
                        boxShadow: style.boxShadow,
                        background: `rgb(${behind.r}, ${behind.g}, ${behind.b})`,
                        contrast: Math.round(Math.max(...ratios) * 100) / 100,
                    });
                }, true);
            }
            return interactive.map(describe);
        }
        """;

    public static async Task<TabWalk> WalkAsync(IPage page)
    {
        // From the top, as on a fresh page load: on an interactive page focus may still be where the last click left it.
        await ResetFocusAsync(page);
        var interactive = await page.EvaluateAsync<string[]>(ListenScript);
        // One lap and a bit: past the last element focus leaves the document, then comes back to the first.
        // Date and month fields take one Tab per segment (day, month, year), hence the margin; a second lap
        // only repeats stops already logged.
        for (var i = 0; i < interactive.Length * 3 + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var stops = JsonSerializer.Deserialize<List<FocusStop>>(
            await page.EvaluateAsync<string>("() => JSON.stringify(window.__fsFocusLog)"), Json) ?? [];
        await ResetFocusAsync(page);
        return new TabWalk(interactive, stops);
    }

    /// <summary>Back to how a freshly loaded page starts: nothing focused, the next Tab goes to the first element.</summary>
    private static async Task ResetFocusAsync(IPage page) => await page.EvaluateAsync("""
        () => {
            const body = document.body;
            body.setAttribute('tabindex', '-1');
            body.focus({ preventScroll: true });
            body.blur();
            body.removeAttribute('tabindex');
            window.scrollTo(0, 0);
        }
        """);

    public static async Task AssertUsableByKeyboardAsync(IPage page, string where)
    {
        var walk = await WalkAsync(page);
        var problems = new StringBuilder();
        if (walk.Stops.Count == 0 || !walk.Stops[0].Element.Contains("skip-link", StringComparison.Ordinal))
        {
            problems.Append($"\n- the first Tab stop is {(walk.Stops.Count == 0 ? "nothing" : walk.Stops[0].Element)}, not the skip link");
        }
        foreach (var element in walk.Unreached) problems.Append($"\n- never reached with Tab: {element}");
        foreach (var stop in walk.Invisible) problems.Append($"\n- focus not visible on {stop.Element} (outline: {stop.Outline}; box-shadow: {stop.BoxShadow}; around it: {stop.Background}; contrast {stop.Contrast}:1, needs 3:1)");
        if (problems.Length > 0)
        {
            var order = string.Join("\n  ", walk.Stops.Select(s => s.Element));
            throw new KeyboardException($"Keyboard check failed on {where}:{problems}\nTab order seen:\n  {order}");
        }
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails after a full lap.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 200)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        throw new KeyboardException($"Pressing Tab {maxPresses} times never focused {selector} on {page.Url}.");
    }

    public static Task<string> ActiveElementAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const el = document.activeElement; return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : 'none'; }");
}

public sealed class KeyboardException(string message) : Exception(message);
