using System.Text;
using System.Text.Json;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>One failed axe rule, with the CSS selectors of the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(IReadOnlyList<string> Target, string? FailureSummary);

/// <summary>
/// axe-core from npm (tests/FamilyServices.BrowserTests/node_modules, installed by <c>npm ci</c>), injected into the
/// page and run against WCAG 2.0/2.1 level A and AA rules only.
/// </summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(RepoPaths.BrowserTestsProject, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing ({path}): run npm ci in tests/FamilyServices.BrowserTests");
    });

    private const string RunScript = """
        async tags => {
            const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.map(t => String(t)), failureSummary: n.failureSummary })),
            })));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated, not added as a <script> element: the portal's Content-Security-Policy refuses inline scripts,
            // and script run by the test driver is not subject to it.
            await page.EvaluateAsync(Script.Value + "\n;true");
        }
        var json = await page.EvaluateAsync<string>(RunScript, Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
    }

    /// <summary>Fails on any violation, listing rule, impact and the selectors of every offending element.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        var violations = await RunAsync(page);
        if (violations.Count > 0) throw new AccessibilityException(Describe(violations, where));
    }

    public static string Describe(IReadOnlyList<AxeViolation> violations, string where)
    {
        var text = new StringBuilder($"axe found {violations.Count} WCAG 2.1 A/AA violation(s) on {where}:");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact ?? "no impact given"}): {violation.Help}");
            string? previousSummary = null;
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    at {string.Join(" > ", node.Target)}");
                var summary = node.FailureSummary?.ReplaceLineEndings(" ");
                if (summary is { Length: > 0 } && summary != previousSummary) text.Append($"\n       {summary}");
                previousSummary = summary;
            }
        }
        return text.ToString();
    }
}

public sealed class AccessibilityException(string message) : Exception(message);
