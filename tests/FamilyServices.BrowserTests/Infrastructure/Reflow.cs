namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// WCAG 2.1 SC 1.4.10 (reflow): content fits the viewport's width, so nobody has to scroll sideways to read it,
/// which axe does not check. Fails when the page is wider than the viewport and names the widest offenders.
/// </summary>
public static class Reflow
{
    public static async Task AssertNoSidewaysScrollingAsync(IPage page, string where)
    {
        var report = await page.EvaluateAsync<string>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return '';
                // Boxes reaching past the viewport, or whose content spills out of them (e.g. a line that cannot wrap).
                const tooWide = el => el.getBoundingClientRect().right > width + 1
                    || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible');
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(el => tooWide(el) && getComputedStyle(el).position !== 'fixed')
                    .filter(el => ![...el.children].some(tooWide))
                    .slice(0, 5)
                    .map(el => `<${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}> ends at ${Math.round(el.getBoundingClientRect().right)} px`);
                return `the page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport: ${wide.join('; ')}`;
            }
            """);
        if (report.Length > 0) throw new ReflowException($"Sideways scrolling on {where}: {report}");
    }
}

public sealed class ReflowException(string message) : Exception(message);
