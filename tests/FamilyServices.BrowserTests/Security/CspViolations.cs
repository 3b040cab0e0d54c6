using System.Collections.Concurrent;

namespace FamilyServices.BrowserTests.Security;

/// <summary>
/// Collects every Content-Security-Policy violation in one browser context: the page's securitypolicyviolation events
/// (reported through a binding, which the policy cannot block) and Chromium's console messages about refused content
/// (which also cover contexts without scripts).
/// </summary>
public sealed class CspViolations
{
    private const string Binding = "__fsCspViolation";

    private readonly ConcurrentQueue<string> _found = new();

    public IReadOnlyList<string> Found => [.. _found.Distinct()];

    public static async Task<CspViolations> WatchAsync(IPage page)
    {
        var violations = new CspViolations();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations._found.Enqueue($"{page.Url}: console: {message.Text}");
        };
        await page.Context.ExposeFunctionAsync<string>(Binding, text => violations._found.Enqueue($"{page.Url}: event: {text}"));
        await page.Context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
                window.{{Binding}}(`${e.violatedDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber} ${e.sample || ''}`));
            """);
        return violations;
    }

    /// <summary>Events arrive asynchronously: give the page's deferred scripts a moment before asking.</summary>
    public static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForTimeoutAsync(200);
    }
}
