using FamilyServices.BrowserTests.Accessibility;
using FamilyServices.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FamilyServices.BrowserTests.Security;

/// <summary>
/// The portal's pages run under its strict policy (no inline script or style) without a single violation: the public
/// pages (search with results and the map, a programme, a centre, the report form) and every page of the staff area,
/// including the live roster and the reach figures with their SVG chart, under the staff area's policy (MudBlazor's
/// inline styles allowed, scripts only from the portal itself). The gate shows the check does bite.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_public_pages_cause_no_policy_violation()
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Desktop, language: "tr");
        var page = parent.Page;
        var violations = await CspViolations.WatchAsync(page);

        await parent.OpenAsync("/", "start", PageChecks.None);
        await parent.OpenAsync("/?where=41040", "results", PageChecks.None);
        await page.Locator(".leaflet-container").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await page.Locator("script[type='application/ld+json']").CountAsync()).Should().Be(0, "JSON-LD is on programme pages");
        await CspViolations.SettleAsync(page);
        await parent.FollowAsync(page.Locator(".card__title a").First, "programme", PageChecks.None);
        (await page.Locator("script[type='application/ld+json']").CountAsync()).Should().BeGreaterThan(0, "the data block is there and is no violation");
        var centre = await page.Locator("a[href^='/centres/']").First.GetAttributeAsync("href");
        var report = await page.Locator("a[href^='/report']").First.GetAttributeAsync("href");
        await CspViolations.SettleAsync(page);
        await parent.OpenAsync(centre!, "centre", PageChecks.None);
        await CspViolations.SettleAsync(page);
        await parent.OpenAsync(report!, "report", PageChecks.None);
        await CspViolations.SettleAsync(page);

        violations.Found.Should().BeEmpty();
    }

    [Fact]
    public async Task The_staff_area_pages_cause_no_policy_violation()
    {
        await using var admin = await SignedInAdminAsync();
        var page = admin.Page;
        var violations = await CspViolations.WatchAsync(page);

        foreach (var path in StaffAreaPagesTests.Pages)
        {
            (await admin.OpenAsync(path, "csp-" + path.Trim('/').Replace('/', '-'), PageChecks.None))!.Status.Should().Be(200, path);
            await CspViolations.SettleAsync(page);
        }
        foreach (var (list, prefix) in StaffAreaPagesTests.Items)
        {
            await admin.OpenAsync(list, "csp-list", PageChecks.None);
            await admin.FollowAsync(page.Locator($"main a[href^='{prefix}']:not([href$='/new']):not([href$='/import'])").First, "csp-item", PageChecks.None);
            await CspViolations.SettleAsync(page);
            await admin.FollowAsync(page.Locator("main a[href$='/history']").First, "csp-history", PageChecks.None);
            await CspViolations.SettleAsync(page);
        }

        violations.Found.Should().BeEmpty();
    }

    [Fact]
    public async Task The_live_roster_causes_no_policy_violation_and_the_staff_policy_allows_no_inline_script()
    {
        var (email, password) = await NewAccountAsync("CentreStaff", "--centre", "IZM");
        await using var staff = await SignedInAsync(email, password);
        var page = staff.Page;
        var violations = await CspViolations.WatchAsync(page);
        var weekday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (weekday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) weekday = weekday.AddDays(1);

        var today = await staff.OpenAsync($"/staff/today?date={weekday:yyyy-MM-dd}", "csp-today", PageChecks.None);
        var policy = today!.Headers["content-security-policy"];
        policy.Should().Contain("script-src 'self'").And.Contain("style-src 'self' 'unsafe-inline'");
        policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe");
        await staff.FollowInAppAsync(page.Locator("a[href^='/staff/sessions/']").First, "csp-roster", PageChecks.None);
        await page.Locator("li.roster-row").First.WaitForAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        await CspViolations.SettleAsync(page);

        violations.Found.Should().BeEmpty();
    }

    [Fact]
    public async Task The_check_reports_inline_style_and_script_under_the_portals_policy()
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Desktop);
        var page = visitor.Page;
        var violations = await CspViolations.WatchAsync(page);
        var policy = (await page.APIRequest.GetAsync("/")).Headers["content-security-policy"];
        await page.RouteAsync("**/__csp-gate", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = policy },
            Body = """
                <!DOCTYPE html><html lang="en"><head><title>Broken on purpose</title><style>h1 { color: red; }</style></head>
                <body><main><h1 style="color: blue">Inline</h1><script>document.title = 'ran';</script></main></body></html>
                """,
        }));

        await visitor.OpenAsync("/__csp-gate", "csp-gate", PageChecks.None);
        await CspViolations.SettleAsync(page);

        (await page.TitleAsync()).Should().Be("Broken on purpose", "the inline script was refused");
        var found = string.Join("\n", violations.Found);
        output.WriteLine(found);
        found.Should().Contain("style-src").And.Contain("script-src");
        violations.Found.Count(v => v.Contains("event:", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3, "a <style>, a style attribute and a <script>");
    }

    private async Task<Visitor> SignedInAdminAsync()
    {
        var (email, password) = await NewAccountAsync("Admin");
        return await SignedInAsync(email, password);
    }

    private async Task<(string Email, string Password)> NewAccountAsync(string role, params string[] more)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync(["users", "add", "--email", email, "--role", role, "--name", "CSP check", .. more]);
        return (email, created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim());
    }

    private async Task<Visitor> SignedInAsync(string email, string password, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var visitor = await browser.NewVisitorAsync(Viewport.Phone, language: "de", test: test);
        await visitor.OpenAsync("/account/sign-in", "sign-in", PageChecks.None);
        await visitor.Page.Locator("#email").FillAsync(email);
        await visitor.Page.Locator("#password").FillAsync(password);
        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "de") }), "own-password", PageChecks.None);
        await visitor.ChooseOwnPasswordAsync(password, "signed-in", PageChecks.None);
        new Uri(visitor.Page.Url).AbsolutePath.Should().NotBe("/account/sign-in");
        return visitor;
    }
}
