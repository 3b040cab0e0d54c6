using FamilyServices.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FamilyServices.BrowserTests.Accessibility;

/// <summary>
/// Every page of the staff area (staff, editors, Admins, officials), visited by an Admin on the Kocaeli demo: axe
/// (WCAG 2.1 AA), reflow at 360 px, the keyboard walk and no raw resource keys, on a phone and a desktop in Turkish,
/// and in German, Dutch and English on a phone; then with a select menu and the phone navigation open. The journeys
/// cover the steps people take (and the confirm dialogs: publish, deactivate, erase); this covers the pages no journey
/// happens to pass through. Item pages are reached from their lists.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffAreaPagesTests(BrowserFixture browser)
{
    /// <summary>Also visited by Security/ContentSecurityPolicyTests.</summary>
    internal static readonly string[] Pages =
    [
        "/staff/today", "/staff/import",
        "/editor", "/editor/programmes", "/editor/programmes/new", "/editor/translations", "/editor/reports", "/editor/proposals",
        "/editor/proposals/mine", "/editor/centres", "/editor/centres/new", "/editor/organisations", "/editor/organisations/new",
        "/editor/categories", "/editor/categories/new", "/editor/districts", "/editor/districts/new", "/editor/districts/import",
        "/admin/users", "/admin/users/new", "/admin/audit", "/admin/participants",
        "/officials/reach",
        "/account", "/account/password", "/account/two-factor", "/account/tokens",
    ];

    /// <summary>List pages whose first item link leads to the item's edit page, and from there to its history.</summary>
    internal static readonly (string List, string ItemLinkPrefix)[] Items =
    [
        ("/editor/programmes", "/editor/programmes/"), ("/editor/centres", "/editor/centres/"),
        ("/editor/organisations", "/editor/organisations/"), ("/editor/categories", "/editor/categories/"),
        ("/editor/districts", "/editor/districts/"),
    ];

    public static TheoryData<string> OtherLanguages() => ["de", "nl", "en"];

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Every_page_of_the_staff_area_passes_the_accessibility_keyboard_and_reflow_checks(string viewport)
    {
        await using var admin = await SignedInAdminAsync(Viewport.Named(viewport), "tr");
        await VisitEveryPageAsync(admin, PageChecks.All);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public async Task Every_page_of_the_staff_area_reads_well_on_a_phone_in_each_language(string language)
    {
        await using var admin = await SignedInAdminAsync(Viewport.Phone, language);
        // The keyboard walk does not depend on the language; the texts' lengths (reflow) and translations do.
        await VisitEveryPageAsync(admin, PageChecks.Accessibility | PageChecks.ResourceKeys);
    }

    [Fact]
    public async Task An_open_select_menu_and_the_phone_navigation_pass_the_accessibility_checks()
    {
        const PageChecks whileOpen = PageChecks.Accessibility | PageChecks.ResourceKeys;
        await using var admin = await SignedInAdminAsync(Viewport.Phone, "de");
        var page = admin.Page;

        await admin.OpenAsync("/editor/programmes", "programmes", PageChecks.None);
        await page.Locator("#filter-state").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        var menu = page.Locator(".mud-popover-open [role=listbox], .mud-popover-open .mud-list").First;
        await Expect(menu).ToBeVisibleAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        await admin.ArriveAsync("state-menu-open", whileOpen);
        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).Not.ToBeVisibleAsync(new() { Timeout = Visitor.CircuitTimeoutMs });

        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("StaffMenu", "de") });
        await menuButton.ClickAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = Visitor.CircuitTimeoutMs });
        await Expect(page.Locator("#staff-navigation")).ToBeVisibleAsync();
        await admin.ArriveAsync("navigation-open", whileOpen);
    }

    /// <summary>
    /// The notice an open page shows when its connection is lost, in each of the states Blazor sets on it (by class, as
    /// blazor.web.js does): MudBlazor's stylesheet once painted it in the page's background, white text on near-white.
    /// </summary>
    [Fact]
    public async Task The_connection_lost_notice_passes_the_accessibility_checks_in_each_state()
    {
        await using var admin = await SignedInAdminAsync(Viewport.Phone, "nl");
        var page = admin.Page;
        await admin.OpenAsync("/staff/today", "today", PageChecks.None);
        var notice = page.Locator("#components-reconnect-modal");
        foreach (var state in new[] { "components-reconnect-show", "components-reconnect-failed", "components-reconnect-rejected" })
        {
            await notice.EvaluateAsync("(n, state) => { n.className = 'staff-reconnect ' + state; }", state);
            await Expect(notice).ToBeVisibleAsync();
            await admin.ArriveAsync($"reconnect-{state}", PageChecks.Accessibility | PageChecks.ResourceKeys);
        }
    }

    private static async Task VisitEveryPageAsync(Visitor admin, PageChecks checks)
    {
        foreach (var path in Pages)
        {
            var response = await admin.OpenAsync(path, path.Trim('/').Replace('/', '-'), checks);
            response!.Status.Should().Be(200, path);
        }
        foreach (var (list, prefix) in Items)
        {
            var name = list.Split('/').Last();
            await admin.OpenAsync(list, $"{name}-list", PageChecks.None);
            await OpenLinkAsync(admin, FirstItemLink(admin.Page, prefix), $"{name}-item", checks);
            new Uri(admin.Page.Url).AbsolutePath.Should().MatchRegex($"^{prefix}\\d+$");
            await OpenLinkAsync(admin, admin.Page.Locator("main a[href$='/history']").First, $"{name}-history", checks);
        }

        // A programme's offering, its history and the form for a new one.
        await admin.OpenAsync("/editor/programmes?state=Published", "published-programmes", PageChecks.None);
        await OpenLinkAsync(admin, FirstItemLink(admin.Page, "/editor/programmes/"), "programme", PageChecks.None);
        var programme = new Uri(admin.Page.Url).AbsolutePath;
        await OpenLinkAsync(admin, FirstItemLink(admin.Page, "/editor/offerings/"), "offering-item", checks);
        await OpenLinkAsync(admin, admin.Page.Locator("main a[href$='/history']").First, "offering-history", checks);
        await admin.OpenAsync($"{programme}/offerings/new", "offering-new", checks);

        // An account's page, and a class's roster on the next weekday.
        await admin.OpenAsync("/admin/users", "users-list", PageChecks.None);
        await OpenLinkAsync(admin, FirstItemLink(admin.Page, "/admin/users/"), "user-item", checks);
        await admin.OpenAsync($"/staff/today?date={NextWeekday():yyyy-MM-dd}", "next-weekday", PageChecks.None);
        // The Tab walk expects every radio button as a stop; a roster's marks are radio groups (Tab to the group, arrows
        // inside it), which StaffLogsAttendanceTests uses with the keyboard. The other checks hold here too.
        // The checks run once the class's children are listed, not on the loading bar.
        await OpenLinkAsync(admin, FirstItemLink(admin.Page, "/staff/sessions/"), "roster-loading", PageChecks.None);
        await admin.Page.Locator("li.roster-row").First.WaitForAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        await admin.ArriveAsync("roster", checks & ~PageChecks.Keyboard);
    }

    /// <summary>
    /// Opens a link's address as a new page load. A click would move inside the circuit, and the checks could then run
    /// while the previous page's links are still on screen.
    /// </summary>
    private static async Task OpenLinkAsync(Visitor admin, ILocator link, string step, PageChecks checks)
    {
        await link.WaitForAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        var href = await link.GetAttributeAsync("href");
        await admin.OpenAsync(href!, step, checks);
    }

    private static ILocator FirstItemLink(IPage page, string prefix) =>
        page.Locator($"main a[href^='{prefix}']:not([href$='/new']):not([href$='/import']):not([href*='?'])").First;

    private static DateOnly NextWeekday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private async Task<Visitor> SignedInAdminAsync(Viewport viewport, string language, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var email = $"admin.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "Admin", "--name", "Admin area check");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var visitor = await browser.NewVisitorAsync(viewport, language: language, test: test);
        await visitor.OpenAsync("/editor", "sign-in", PageChecks.None);
        await visitor.Page.Locator("#email").FillAsync(email);
        await visitor.Page.Locator("#password").FillAsync(password);
        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", language) }), "own-password");
        await visitor.ChooseOwnPasswordAsync(password, "signed-in", PageChecks.None);
        new Uri(visitor.Page.Url).AbsolutePath.Should().Be("/editor");
        return visitor;
    }
}
