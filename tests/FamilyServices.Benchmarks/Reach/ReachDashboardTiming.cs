using System.Globalization;
using FamilyServices.Benchmarks.Load;
using FamilyServices.Benchmarks.Pages;
using FamilyServices.Web.Features.Reach;
using Microsoft.Playwright;

namespace FamilyServices.Benchmarks.Reach;

/// <summary>A year with figures to open the dashboard at, how many timed runs, and how many untimed ones first.</summary>
public sealed record ReachDashboardPlan(int Year, int Runs, int WarmUp);

/// <summary>
/// The officials' dashboard (/officials/reach) as an official uses it, in Chromium, signed in with password and code:
/// each run opens the page in a new tab of the same signed-in browser and measures, in the page itself, from the start
/// of the navigation until its key figures are shown (prerendered in the first HTML since decision 0022, or over the
/// circuit if not) and until the page is interactive (its circuit runs, with the figures in it); then chooses the year
/// before in the year menu and measures from the click on that choice until the figures of that year are shown, then
/// chooses the breakdown by centre and measures until that breakdown is shown. "Shown" is the first frame after the
/// figures are in the document (a requestAnimationFrame and a task after the change). Between shown and interactive it
/// also notes whether the figures ever left the document (a flash) and how far they moved (a jump). The first runs
/// warm caches (the portal's, the browser's) and are not counted. Figures are recorded, not gated: the target line
/// says met or missed, and only an error fails.
/// </summary>
public sealed class ReachDashboardTiming(StaffBrowser browser, TextWriter output)
{
    /// <summary>Issue 15's target for each timing's p95.</summary>
    public const double TargetMs = 300;

    /// <summary>How long a figure may take before the run counts as failed (two busy cores, a cold portal).</summary>
    private const float WaitMs = 60_000;

    public sealed record Run(double Document, double Shown, double Circuit, double Interactive, int Gaps, double Shift, double YearChange, double BreakdownChange);

    /// <summary>
    /// Runs before the page's own scripts in every document of the dashboard, in milliseconds from the start of the
    /// navigation (performance.now()): when the key figures are first shown (in the parsed HTML or put there by the
    /// circuit), when the circuit runs (<c>data-circuit="ready"</c>), and when the figures are shown in it
    /// (interactive). From shown to interactive: how many times the document was seen without the figures (a flash:
    /// the circuit's first render replacing them with something else) and the largest move of the figure's top (a jump).
    /// </summary>
    private const string NavigationMarks = """
        (() => {
            if (location.pathname !== '/officials/reach') return;
            const marks = window.__reachMarks = { shown: null, circuit: null, interactive: null, gaps: 0, shift: 0, top: null };
            const afterPaint = set => requestAnimationFrame(() => setTimeout(set, 0));
            const figures = () => !document.querySelector('.reach-loading') ? document.querySelector('#distinct-children') : null;
            // Where the figures were painted first (not where they were parsed: the stylesheets may not be there yet).
            const moved = () => {
                const shown = figures();
                if (shown && marks.top !== null) marks.shift = Math.max(marks.shift, Math.abs(shown.getBoundingClientRect().top + scrollY - marks.top));
            };
            const observer = new MutationObserver(() => {
                const shown = figures();
                if (marks.shown === null && shown) {
                    marks.shown = -1;
                    afterPaint(() => {
                        marks.shown = performance.now();
                        const painted = figures();
                        if (painted) marks.top = painted.getBoundingClientRect().top + scrollY;
                    });
                } else if (marks.shown !== null && !shown) {
                    marks.gaps++;
                } else {
                    moved();
                }
                if (marks.circuit === null && document.querySelector('[data-circuit=ready]')) {
                    marks.circuit = -1;
                    afterPaint(() => marks.circuit = performance.now());
                }
                if (marks.interactive === null && document.querySelector('[data-circuit=ready] #distinct-children')
                    && !document.querySelector('.reach-loading')) {
                    marks.interactive = -1;
                    observer.disconnect();
                    afterPaint(() => {
                        marks.interactive = performance.now();
                        moved();
                    });
                }
            });
            observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-circuit'] });
        })();
        """;

    /// <summary>
    /// Before a filter is chosen: notes the click on a menu's choice, then the first frame in which the element
    /// <c>marker</c> (a heading that names the chosen filter) no longer says what it said, with the figures there and
    /// nothing loading. The page keeps the old figures while it reads the new ones, and renders the new heading in the
    /// same batch as the new figures.
    /// </summary>
    private const string ArmChange = """
        marker => {
            const before = document.querySelector(marker)?.textContent ?? '';
            const change = window.__reachChange = { start: null, end: null };
            const onClick = e => {
                if (e.target instanceof Element && e.target.closest('.mud-popover-open [role=option]')) {
                    change.start = performance.now();
                    document.removeEventListener('click', onClick, true);
                }
            };
            document.addEventListener('click', onClick, true);
            const observer = new MutationObserver(() => {
                const element = document.querySelector(marker);
                if (change.start !== null && element && element.textContent !== before
                    && document.querySelector('#distinct-children') && !document.querySelector('.reach-loading')) {
                    observer.disconnect();
                    change.end = -1;
                    requestAnimationFrame(() => setTimeout(() => change.end = performance.now(), 0));
                }
            });
            observer.observe(document, { childList: true, subtree: true, characterData: true });
        }
        """;

    public async Task<int> RunAsync(ReachDashboardPlan plan)
    {
        var otherYear = plan.Year - 1;
        var centreOption = ReachDimensions.All.ToList().IndexOf(ReachDimensions.Centre);
        await output.WriteLineAsync($"The officials' dashboard in Chromium: {plan.WarmUp} warm-up and {plan.Runs} timed runs, one after another, each in a new tab "
            + $"of one signed-in browser: open /officials/reach?year={plan.Year}, then choose the year {otherYear}, then the breakdown by centre (ms).");
        await using var context = await browser.NewContextAsync(signedIn: true);
        await context.AddInitScriptAsync(NavigationMarks);

        var runs = new List<Run>();
        for (var i = 0; i < plan.WarmUp + plan.Runs; i++)
        {
            var run = await RunOnceAsync(context, plan.Year, otherYear, centreOption);
            var label = i < plan.WarmUp ? $"warm-up {i + 1}" : $"run {i - plan.WarmUp + 1}";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-11} figures shown {run.Shown,6:0} (document {run.Document:0}), interactive {run.Interactive,6:0} (circuit running {run.Circuit:0}; "
                + $"flashes {run.Gaps}, jump {run.Shift:0} px);  "
                + $"year {plan.Year} → {otherYear} {run.YearChange,6:0};  breakdown → centre {run.BreakdownChange,6:0}   load {MachineMemory.LoadAverage()}"));
            if (i >= plan.WarmUp) runs.Add(run);
        }

        var timings = new (string Name, LatencyPercentiles Figures)[]
        {
            ("navigation → figures shown", LatencyPercentiles.Of(runs.Select(r => r.Shown))),
            ("navigation → interactive (figures in circuit)", LatencyPercentiles.Of(runs.Select(r => r.Interactive))),
            ($"year {plan.Year} → {otherYear} → its figures shown", LatencyPercentiles.Of(runs.Select(r => r.YearChange))),
            ("breakdown → centre → its figures shown", LatencyPercentiles.Of(runs.Select(r => r.BreakdownChange))),
        };
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"ms, " + runs.Count + " runs",-45} {"p50",7} {"p95",7} {"max",7}");
        foreach (var (name, figures) in timings)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-45} {figures.P50,7:0} {figures.P95,7:0} {figures.Max,7:0}"));
        }
        var document = LatencyPercentiles.Of(runs.Select(r => r.Document));
        var circuit = LatencyPercentiles.Of(runs.Select(r => r.Circuit));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  of the navigation: document received p50 {document.P50:0}, p95 {document.P95:0}; circuit running p50 {circuit.P50:0}, p95 {circuit.P95:0}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  from shown to interactive: runs with the figures gone for a moment (flash) {runs.Count(r => r.Gaps > 0)}; largest jump {runs.Max(r => r.Shift):0} px"));
        await output.WriteLineAsync();
        foreach (var (name, figures) in timings)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"target p95 at most {TargetMs:0} ms, {name} ({figures.P95:0} ms): {(figures.P95 <= TargetMs ? "met" : "MISSED")}"));
        }
        return 0;
    }

    private static async Task<Run> RunOnceAsync(IBrowserContext context, int year, int otherYear, int centreOption)
    {
        var page = await context.NewPageAsync();
        try
        {
            var address = $"/officials/reach?year={year}";
            await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            if (new Uri(page.Url).PathAndQuery != address) throw new InvalidOperationException($"{address} ended at {page.Url}: the sign-in does not hold?");
            await page.WaitForFunctionAsync("() => window.__reachMarks?.shown > 0 && window.__reachMarks.interactive > 0", null,
                new PageWaitForFunctionOptions { Timeout = WaitMs });
            var marks = await page.EvaluateAsync<double[]>("""
                () => [performance.getEntriesByType('navigation')[0].responseEnd, window.__reachMarks.shown, window.__reachMarks.circuit,
                    window.__reachMarks.interactive, window.__reachMarks.gaps, window.__reachMarks.shift]
                """);

            var yearChange = await ChangeAsync(page, "#reach-year",
                page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = otherYear.ToString(CultureInfo.InvariantCulture), Exact = true }),
                "#key-figures-heading", $"year={otherYear}");
            var breakdownChange = await ChangeAsync(page, "#reach-group-by",
                page.Locator(".mud-popover-open").GetByRole(AriaRole.Option).Nth(centreOption), "#breakdown-heading", $"groupBy={ReachDimensions.Centre}");
            return new Run(marks[0], marks[1], marks[2], marks[3], (int)marks[4], marks[5], yearChange, breakdownChange);
        }
        finally
        {
            // As a person closes a tab: the page tells the portal its circuit is gone.
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
    }

    /// <summary>Opens a filter's menu, clicks the choice, and returns the milliseconds from that click until its figures are shown.</summary>
    private static async Task<double> ChangeAsync(IPage page, string select, ILocator choice, string marker, string inAddress)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-popover-open')", null, new PageWaitForFunctionOptions { Timeout = WaitMs });
        await page.EvaluateAsync(ArmChange, marker);
        await page.Locator(select).ClickAsync();
        await choice.ClickAsync(new LocatorClickOptions { Timeout = WaitMs });
        await page.WaitForFunctionAsync("() => window.__reachChange.end > 0", null, new PageWaitForFunctionOptions { Timeout = WaitMs });
        if (!page.Url.Contains(inAddress, StringComparison.Ordinal)) throw new InvalidOperationException($"The page shows new figures, but its address {page.Url} lacks {inAddress}.");
        return await page.EvaluateAsync<double>("() => window.__reachChange.end - window.__reachChange.start");
    }
}
