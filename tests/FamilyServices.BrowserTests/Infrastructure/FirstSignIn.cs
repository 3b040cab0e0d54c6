namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// Accounts made with the operator's <c>users add</c> sign in with a one-time password and are sent to the
/// change-password page by every page until they choose their own: what a person does on their first day.
/// </summary>
public static class FirstSignIn
{
    /// <summary>A passphrase the portal's policy accepts.</summary>
    public const string OwnPassword = "seven quiet owls over the harbour";

    /// <summary>On the change-password page (where signing in led): replaces the one-time password, then follows to where the person was going.</summary>
    public static async Task ChooseOwnPasswordAsync(this Visitor visitor, string oneTimePassword, string step, PageChecks checks = PageChecks.All)
    {
        var page = visitor.Page;
        new Uri(page.Url).AbsolutePath.Should().Be("/account/password", "an account with a one-time password must first choose its own");
        await page.Locator("#current").FillAsync(oneTimePassword);
        await page.Locator("#password").FillAsync(OwnPassword);
        await page.Locator("#repeat").FillAsync(OwnPassword);
        await visitor.FollowAsync(page.Locator("main form.form-narrow button[type=submit]"), step, checks);
    }
}
