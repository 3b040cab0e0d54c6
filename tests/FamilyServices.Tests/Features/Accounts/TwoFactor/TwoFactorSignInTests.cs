using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Accounts.TwoFactor;

/// <summary>
/// Enrolling an authenticator app, signing in with its codes or a recovery code, the requirement for Admins, Editors
/// and Officials, and signing out everywhere. Codes are computed by the tests' own RFC 6238 implementation.
/// </summary>
public class TwoFactorSignInTests(AccountSecurityFixture portal) : IClassFixture<AccountSecurityFixture>
{
    private const string Enrol = "/account/two-factor";
    private const string CodePage = "/account/sign-in/code";

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email, string? returnUrl = null) =>
        Users.UsersFixture.PostAsync(client, returnUrl is null ? "/account/sign-in" : $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "sign-in",
            [new("Input.Email", email), new("Input.Password", AccountSecurityFixture.Password)]);

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code, string path = CodePage) =>
        AccountSecurityFixture.PostAsync(client, path, "sign-in-code", ("code", code));

    [Fact]
    public async Task An_editor_without_two_factor_is_sent_to_enrolment_from_every_page_but_a_few()
    {
        var (editor, _) = await portal.AccountAsync(Roles.Editor);
        var (staff, _) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(editor);
        using var staffClient = await portal.SignedInAsync(staff);

        foreach (var path in new[] { "/editor", "/account", "/account/tokens", "/" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.PathAndQuery().Should().Be(Enrol, path);
        }
        var enrolPage = await client.GetAsync(Enrol);
        enrolPage.StatusCode.Should().Be(HttpStatusCode.OK);
        (await enrolPage.Content.ReadAsStringAsync()).Should().Contain("Your role needs two-factor sign-in");
        var status = await client.GetAsync("/status/403");
        status.StatusCode.Should().NotBe(HttpStatusCode.Redirect, string.Join("\n", portal.Logs.Events.Where(e => e.Contains("Exception", StringComparison.Ordinal))));
        (await client.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await staffClient.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK, "centre staff are offered two-factor sign-in, not made to use it");

        var signOut = await AccountSecurityFixture.PostAsync(client, "/account/sign-out", "", ("from", "test"));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing out stays possible");
        (await client.GetAsync("/editor")).Headers.Location!.PathAndQuery().Should().StartWith("/account/sign-in");
    }

    [Fact]
    public async Task Enrolling_with_a_code_turns_two_factor_on_and_shows_ten_recovery_codes_once()
    {
        var (editor, id) = await portal.AccountAsync(Roles.Editor);
        using var client = await portal.SignedInAsync(editor);

        var response = await client.GetAsync(Enrol);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var page = await Html.ParseAsync(response);
        var key = page.Find("//code[@id='authenticator-key']").Text();
        key.Should().MatchRegex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", "the key is shown in groups of four");
        var svg = page.Find("//*[local-name()='svg'][@id='authenticator-qr']");
        svg.GetAttributeValue("role", "").Should().Be("img");
        svg.Find(".//*[local-name()='title']").Text().Should().NotBeEmpty("the QR image has a text label");
        svg.Find(".//*[local-name()='path']").GetAttributeValue("fill", "").Should().Be("#000000");
        svg.OuterHtml.Should().NotContain("style", "a strict CSP forbids style attributes");
        page.Find("//a[@id='authenticator-link']").GetAttributeValue("href", "").Should()
            .StartWith("otpauth://totp/").And.Contain("secret=" + key.Replace(" ", "", StringComparison.Ordinal));
        (await client.GetStringAsync(Enrol)).Should().Contain(key, "the pending key stays the same until enrolment");

        var wrong = await AccountSecurityFixture.PostAsync(client, Enrol, "enable", ("code", Totp.WrongCode(key, DateTimeOffset.UtcNow)));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("This code does not match");
        (await portal.UserAsync(id)).TwoFactorEnabled.Should().BeFalse();

        var right = await AccountSecurityFixture.PostAsync(client, Enrol, "enable", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        right.Headers.CacheControl!.NoStore.Should().BeTrue("recovery codes must not stay in a cache");
        var codes = RecoveryCodes(await Html.ParseAsync(right));
        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await portal.UserAsync(id)).TwoFactorEnabled.Should().BeTrue();

        var later = await client.GetAsync(Enrol);
        later.StatusCode.Should().Be(HttpStatusCode.OK, "enabling two-factor sign-in keeps this browser signed in");
        var laterText = await later.Content.ReadAsStringAsync();
        codes.Should().AllSatisfy(code => laterText.Should().NotContain(code));
        (await Html.ParseAsync(later)).Find("//dd[@id='recovery-codes-left']").Text().Should().Be("10");
        (await client.GetAsync("/editor")).StatusCode.Should().Be(HttpStatusCode.OK, "the gate lets an enrolled editor through");
    }

    [Fact]
    public async Task Signing_in_takes_the_password_then_a_code_and_keeps_a_local_return_address()
    {
        var (editor, id) = await portal.AccountAsync(Roles.Editor);
        var (key, _) = await portal.EnrolAsync(id);
        using var client = portal.NewClient();

        var password = await PasswordAsync(client, editor, "/account/tokens");
        password.StatusCode.Should().Be(HttpStatusCode.Redirect);
        password.Headers.Location!.PathAndQuery().Should().Be($"{CodePage}?ReturnUrl=%2Faccount%2Ftokens");
        var pending = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fs.2fa=", StringComparison.Ordinal));
        pending.ToLowerInvariant().Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        password.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.StartsWith("fs.auth=", StringComparison.Ordinal), "the password alone does not sign in");
        (await client.GetAsync("/editor")).Headers.Location!.PathAndQuery().Should().StartWith("/account/sign-in", "nobody is signed in before the code");

        var codePage = await Html.ParseAsync(await client.GetAsync(password.Headers.Location));
        var field = codePage.Find("//input[@id='code']");
        field.GetAttributeValue("autocomplete", "").Should().Be("one-time-code");
        field.GetAttributeValue("inputmode", "").Should().Be("numeric");
        codePage.DocumentNode.InnerText.Should().NotContainEquivalentOf("remember");

        var wrong = await CodeAsync(client, Totp.WrongCode(key, DateTimeOffset.UtcNow), password.Headers.Location!.PathAndQuery());
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("This code is not right");
        (await portal.UserAsync(id)).AccessFailedCount.Should().Be(1, "a wrong code counts towards the lockout");

        var right = await CodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow), password.Headers.Location!.PathAndQuery());
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        right.Headers.Location!.PathAndQuery().Should().Be("/account/tokens");
        var auth = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fs.auth=", StringComparison.Ordinal));
        auth.ToLowerInvariant().Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        (await client.GetAsync("/editor")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var other = portal.NewClient();
        var foreign = await PasswordAsync(other, editor, "//evil.example/");
        foreign.Headers.Location!.PathAndQuery().Should().Be(CodePage, "only local return addresses are kept");
        var landed = await CodeAsync(other, Totp.Code(key, DateTimeOffset.UtcNow));
        landed.Headers.Location!.PathAndQuery().Should().Be("/editor", "an editor starts at the editors' page");
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_sends_back_to_sign_in()
    {
        using var client = portal.NewClient();
        var response = await client.GetAsync(CodePage);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().Should().EndWith("/account/sign-in");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_wrong_codes_lock_the_account()
    {
        var (official, id) = await portal.AccountAsync(Roles.Official);
        var (key, recovery) = await portal.EnrolAsync(id);

        using (var client = portal.NewClient())
        {
            await PasswordAsync(client, official);
            var used = await AccountSecurityFixture.PostAsync(client, CodePage, "sign-in-recovery", ("recoveryCode", recovery[0]));
            used.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        using (var client = portal.NewClient())
        {
            await PasswordAsync(client, official);
            var again = await AccountSecurityFixture.PostAsync(client, CodePage, "sign-in-recovery", ("recoveryCode", recovery[0]));
            again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "each recovery code works once");
            (await portal.UserAsync(id)).AccessFailedCount.Should().Be(1, "a wrong recovery code counts like a wrong password");

            HttpResponseMessage last = again;
            for (var i = 0; i < 4; i++) last = await CodeAsync(client, Totp.WrongCode(key, DateTimeOffset.UtcNow));
            (await last.Content.ReadAsStringAsync()).Should().Contain("this account is locked");
            var evenRight = await CodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow));
            evenRight.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a locked account takes no code");
        }
        (await portal.UserAsync(id)).LockoutEnd.Should().BeAfter(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Two_factor_cannot_be_turned_off_where_the_role_requires_it_but_centre_staff_may()
    {
        var (editor, editorId) = await portal.AccountAsync(Roles.Editor);
        await portal.EnrolAsync(editorId);
        var (staff, staffId) = await portal.AccountAsync(Roles.CentreStaff);
        await portal.EnrolAsync(staffId);

        using var editorClient = await SignInWithCodeAsync(editor, editorId);
        (await editorClient.GetStringAsync(Enrol)).Should().Contain("cannot be turned off");
        var refused = await AccountSecurityFixture.PostAsync(editorClient, Enrol, "disable");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await portal.UserAsync(editorId)).TwoFactorEnabled.Should().BeTrue();

        using var staffClient = await SignInWithCodeAsync(staff, staffId);
        var off = await AccountSecurityFixture.PostAsync(staffClient, Enrol, "disable");
        off.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.UserAsync(staffId)).TwoFactorEnabled.Should().BeFalse();
        (await staffClient.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK, "turning it off keeps this browser signed in");
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (staff, id) = await portal.AccountAsync(Roles.CentreStaff);
        var (_, old) = await portal.EnrolAsync(id);
        using var client = await SignInWithCodeAsync(staff, id);

        var renewed = await AccountSecurityFixture.PostAsync(client, Enrol, "renew-codes");
        renewed.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = RecoveryCodes(await Html.ParseAsync(renewed));
        codes.Should().HaveCount(10).And.NotIntersectWith(old);

        using var other = portal.NewClient();
        await PasswordAsync(other, staff);
        (await AccountSecurityFixture.PostAsync(other, CodePage, "sign-in-recovery", ("recoveryCode", old[1]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await AccountSecurityFixture.PostAsync(other, CodePage, "sign-in-recovery", ("recoveryCode", codes[1]))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_other_session_at_its_next_request()
    {
        var (staff, _) = await portal.AccountAsync(Roles.CentreStaff);
        using var here = await portal.SignedInAsync(staff);
        using var elsewhere = await portal.SignedInAsync(staff);
        (await elsewhere.GetAsync("/account")).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await Html.ParseAsync(await here.GetAsync("/account"));
        page.DocumentNode.InnerText.Should().Contain("Tester CentreStaff").And.Contain(portal.CentreA.Code).And.Contain("Centre staff");
        page.Find("//header//a[@href='/account']");
        var done = await AccountSecurityFixture.PostAsync(here, "/account", "sign-out-everywhere");
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var other = await elsewhere.GetAsync("/account");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
        other.Headers.Location!.PathAndQuery().Should().Contain("/account/sign-in");
        var same = await here.GetAsync(done.Headers.Location);
        same.StatusCode.Should().Be(HttpStatusCode.OK, "the browser that asked stays signed in");
        (await same.Content.ReadAsStringAsync()).Should().Contain("Every other sign-in of your account has ended");
    }

    private static List<string> RecoveryCodes(HtmlAgilityPack.HtmlDocument page) =>
        (page.DocumentNode.SelectNodes("//ol[@id='recovery-codes']/li/code") ?? Enumerable.Empty<HtmlAgilityPack.HtmlNode>()).Select(n => n.Text()).ToList();

    private async Task<HttpClient> SignInWithCodeAsync(string email, string id)
    {
        await using var db = portal.NewDb();
        var key = await db.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync();
        var client = portal.NewClient();
        (await PasswordAsync(client, email)).Headers.Location!.PathAndQuery().Should().Be(CodePage);
        (await CodeAsync(client, Totp.Code(key!, DateTimeOffset.UtcNow))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }
}
