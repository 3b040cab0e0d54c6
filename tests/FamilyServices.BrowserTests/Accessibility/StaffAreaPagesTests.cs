using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Accessibility;

/// <summary>
/// Every page of the editors' and admins' area, visited by an Admin on the Kocaeli demo on a phone and a desktop:
/// axe (WCAG 2.1 AA), reflow at 360 px, the keyboard walk and no raw resource keys on each. The journeys cover the
/// steps people take; this covers the pages no journey happens to pass through. Item pages are reached from their lists.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffAreaPagesTests(BrowserFixture browser)
{
    /// <summary>Also visited by Security/ContentSecurityPolicyTests.</summary>
    internal static readonly string[] Pages =
    [
        "/editor", "/editor/programmes", "/editor/programmes/new", "/editor/translations", "/editor/reports", "/editor/proposals",
        "/editor/centres", "/editor/centres/new", "/editor/organisations", "/editor/organisations/new",
        "/editor/categories", "/editor/categories/new", "/editor/districts", "/editor/districts/new", "/editor/districts/import",
        "/admin/users", "/admin/users/new", "/admin/audit", "/admin/participants",
        "/account", "/account/password", "/account/two-factor", "/account/tokens",
    ];

    /// <summary>List pages whose first item link leads to the item's edit page, and from there to its history.</summary>
    internal static readonly (string List, string ItemLinkPrefix)[] Items =
    [
        ("/editor/programmes", "/editor/programmes/"), ("/editor/centres", "/editor/centres/"),
        ("/editor/organisations", "/editor/organisations/"), ("/editor/categories", "/editor/categories/"),
        ("/editor/districts", "/editor/districts/"),
    ];

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Every_page_of_the_staff_area_passes_the_accessibility_keyboard_and_reflow_checks(string viewport)
    {
        await using var admin = await SignedInAdminAsync(viewport);

        foreach (var path in Pages)
        {
            var response = await admin.OpenAsync(path, path.Trim('/').Replace('/', '-'));
            response!.Status.Should().Be(200, path);
        }
        foreach (var (list, prefix) in Items)
        {
            await admin.OpenAsync(list, $"{list.Trim('/').Replace('/', '-')}-list", PageChecks.None);
            var item = admin.Page.Locator($"main a[href^='{prefix}']:not([href$='/new']):not([href$='/import'])").First;
            var name = list.Split('/').Last();
            await admin.FollowAsync(item, $"{name}-item");
            new Uri(admin.Page.Url).AbsolutePath.Should().MatchRegex($"^{prefix}\\d+$");
            var history = admin.Page.Locator("main a[href$='/history']").First;
            await admin.FollowAsync(history, $"{name}-history");
        }
    }

    private async Task<Visitor> SignedInAdminAsync(string viewport)
    {
        var email = $"admin.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "Admin", "--name", "Admin area check");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var visitor = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr",
            test: nameof(Every_page_of_the_staff_area_passes_the_accessibility_keyboard_and_reflow_checks));
        await visitor.OpenAsync("/editor", "sign-in", PageChecks.None);
        await visitor.Page.Locator("#email").FillAsync(email);
        await visitor.Page.Locator("#password").FillAsync(password);
        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "tr") }), "own-password");
        await visitor.ChooseOwnPasswordAsync(password, "signed-in", PageChecks.None);
        new Uri(visitor.Page.Url).AbsolutePath.Should().Be("/editor");
        return visitor;
    }
}
