using System.Diagnostics;
using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// A staff page left open keeps running in its circuit without any request of the browser. When an Admin deactivates
/// the account, or the person signs out everywhere from another browser, the open page must lose its sign-in within
/// 60 seconds without anyone touching it: the circuit checks the account every 30 seconds (the default, no shortcut
/// here) and the staff layout then sends the browser to the sign-in page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DeactivatedAccountLosesOpenPagesTests(BrowserFixture browser)
{
    /// <summary>The promise of issue 13.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(60);

    /// <summary>Generous: the check runs every 30 s on a busy 2-core machine.</summary>
    private const float GiveUpMs = 90_000;

    [Fact]
    public async Task A_staff_page_left_open_goes_to_the_sign_in_page_within_a_minute_of_the_admin_deactivating_the_account()
    {
        var (staffEmail, staffPassword) = await AccountAsync("CentreStaff", "--centre", "BAS");
        await using var staff = await browser.NewVisitorAsync(Viewport.Named("phone"), language: "en");
        await SignInAsync(staff, staffEmail, staffPassword, "/staff/today", "staff-today");
        new Uri(staff.Page.Url).AbsolutePath.Should().Be("/staff/today");

        var (adminEmail, adminPassword) = await AccountAsync("Admin");
        await using var admin = await browser.NewVisitorAsync(Viewport.Named("desktop"), language: "en");
        await SignInAsync(admin, adminEmail, adminPassword, $"/admin/users/{await IdOfAsync(staffEmail)}", "account");
        await admin.Page.Locator("#deactivate").ClickAsync();
        await admin.Page.Locator(".mud-dialog").WaitForAsync();
        await admin.ArriveAsync("deactivate-dialog", PageChecks.Accessibility | PageChecks.ResourceKeys);
        await admin.Page.Locator(".mud-dialog button", new() { HasText = "Deactivate the account" }).ClickAsync();
        await admin.Page.Locator("#reactivate").WaitForAsync();
        var deactivated = Stopwatch.StartNew();
        await admin.ArriveAsync("deactivated", PageChecks.ResourceKeys);

        await staff.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in", new() { Timeout = GiveUpMs });

        deactivated.Elapsed.Should().BeLessThan(Promise, "an open page loses a deactivated account's sign-in within a minute");
        await staff.ArriveAsync("sign-in-after-deactivation", PageChecks.ResourceKeys);
        new Uri(staff.Page.Url).Query.Should().Contain("ReturnUrl=%2Fstaff%2Ftoday", "signing in again leads back to the page");
    }

    [Fact]
    public async Task A_staff_page_open_in_one_browser_goes_to_the_sign_in_page_within_a_minute_of_signing_out_everywhere_in_another()
    {
        var (email, password) = await AccountAsync("CentreStaff", "--centre", "BAS");
        await using var open = await browser.NewVisitorAsync(Viewport.Named("desktop"), language: "en");
        await SignInAsync(open, email, password, "/staff/today", "staff-today");
        await using var other = await browser.NewVisitorAsync(Viewport.Named("phone"), language: "en");
        await other.OpenAsync("/account", "other-sign-in", PageChecks.None);
        await other.Page.Locator("#email").FillAsync(email);
        await other.Page.Locator("#password").FillAsync(FirstSignIn.OwnPassword);
        await other.FollowAsync(other.Page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "en"), Exact = true }), "account");
        new Uri(other.Page.Url).AbsolutePath.Should().Be("/account");

        await other.FollowAsync(other.Page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("MyAccountSignOutEverywhere", "en"), Exact = true }),
            "signed-out-everywhere", PageChecks.ResourceKeys);
        var signedOut = Stopwatch.StartNew();

        await open.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in", new() { Timeout = GiveUpMs });

        signedOut.Elapsed.Should().BeLessThan(Promise, "an open page loses a signed-out-everywhere sign-in within a minute");
        await open.ArriveAsync("sign-in-after-sign-out-everywhere", PageChecks.ResourceKeys);
        new Uri(other.Page.Url).AbsolutePath.Should().Be("/account", "the browser that signed the others out stays signed in");
    }

    /// <summary>An account made with the operator's command; its one-time password.</summary>
    private async Task<(string Email, string Password)> AccountAsync(string role, params string[] more)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync(["users", "add", "--email", email, "--role", role, .. more]);
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        return (email, password);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyServicesDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Opens a page, signs in on the way, chooses an own password, and arrives at the page in its circuit.</summary>
    private static async Task SignInAsync(Visitor visitor, string email, string oneTimePassword, string path, string step)
    {
        var page = visitor.Page;
        await visitor.OpenAsync(path, $"{step}-sign-in", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(oneTimePassword);
        await visitor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "en"), Exact = true }), $"{step}-own-password",
            PageChecks.None);
        await visitor.ChooseOwnPasswordAsync(oneTimePassword, step, PageChecks.ResourceKeys);
        new Uri(page.Url).AbsolutePath.Should().Be(path);
    }
}
