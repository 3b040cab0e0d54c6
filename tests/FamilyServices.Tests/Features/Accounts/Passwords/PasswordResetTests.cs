using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Passwords;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>
/// "Forgot your password?": the same answer for every address, a mailed link that carries the account id (never the
/// address), works once, expires, and ends every session of the account.
/// </summary>
public class PasswordResetTests(PasswordsFixture portal) : IClassFixture<PasswordsFixture>
{
    private const string NewPassword = "seven green tractors in the barn";

    private static async Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        await PasswordsFixture.PostAsync(client, PasswordFlows.ForgotPath, "forgot", ("email", email));

    [Fact]
    public async Task A_reset_link_sets_the_new_password_ends_all_sessions_and_works_only_once()
    {
        var email = $"{TestCatalogue.Unique("forgetful")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.CentreStaff, mustChangePassword: true);
        using var otherDevice = await portal.SignedInAsync(email);
        using var visitor = portal.NewClient();
        (await visitor.GetStringAsync("/account/sign-in")).Should().Contain($"href=\"{PasswordFlows.ForgotPath}\"");

        var sent = await ForgotAsync(visitor, email);

        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        PasswordsFixture.Target(sent).Should().Be($"{PasswordFlows.ForgotPath}?sent=1").And.NotContain("example.org");
        var mail = portal.Mail.To(id).Should().ContainSingle().Subject;
        mail.RecipientAddress.Should().Be(email);
        mail.Link.Should().StartWith("https://localhost/account/reset?user=").And.NotContain(Uri.EscapeDataString(email)).And.NotContain("example.org");
        mail.Body.Should().Contain(mail.Link);
        var link = portal.Mail.LastLinkTo(id);
        CapturedMail.Query(link, "user").Should().Be(id);

        var form = await visitor.GetAsync(link);
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        form.Headers.CacheControl!.NoStore.Should().BeTrue();
        var page = await Html.ParseAsync(form);
        page.Find("//meta[@name='referrer']").GetAttributeValue("content", "").Should().Be("no-referrer");
        var antiforgery = page.AntiforgeryToken();

        var done = await PostWithTokenAsync(visitor, link, antiforgery, NewPassword, NewPassword);

        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        PasswordsFixture.Target(done).Should().Be($"{PasswordFlows.ResetPath}?done=1");
        PasswordsFixture.Target(await otherDevice.GetAsync("/staff/today")).Should().StartWith("/account/sign-in?", "every session ends with the new security stamp");
        using (var old = portal.NewClient())
        {
            (await UsersFixture.SignInAsync(old, email, PasswordsFixture.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the old password is gone");
        }
        using (var fresh = await portal.SignedInAsync(email, NewPassword))
        {
            (await fresh.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK, "a reset password needs no further change");
        }
        await using (var db = portal.NewDb())
        {
            (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).MustChangePassword.Should().BeFalse();
        }

        var again = await PostWithTokenAsync(visitor, link, antiforgery, "another fine passphrase here", "another fine passphrase here");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).Should().Contain("This link no longer works");
        (await visitor.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a used link shows the message, not the form");
        using var check = await portal.SignedInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Unknown_and_deactivated_addresses_get_the_same_answer_and_no_mail()
    {
        var known = $"{TestCatalogue.Unique("known")}@example.org";
        var knownId = await portal.CreateAccountAsync(known, Roles.Editor);
        var gone = $"{TestCatalogue.Unique("gone")}@example.org";
        var goneId = await portal.CreateAccountAsync(gone, Roles.Editor);
        await using (var db = portal.NewDb())
        {
            await db.Users.Where(u => u.Id == goneId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }
        using var visitor = portal.NewClient();
        var before = portal.Mail.Sent.Count;

        var forKnown = await ForgotAsync(visitor, known);
        var forUnknown = await ForgotAsync(visitor, $"{TestCatalogue.Unique("nobody")}@example.org");
        var forGone = await ForgotAsync(visitor, gone);

        new[] { forKnown, forUnknown, forGone }.Select(r => (r.StatusCode, PasswordsFixture.Target(r)))
            .Should().AllBeEquivalentTo((HttpStatusCode.Redirect, $"{PasswordFlows.ForgotPath}?sent=1"));
        portal.Mail.Sent.Count.Should().Be(before + 1);
        portal.Mail.To(knownId).Should().ContainSingle();
        portal.Mail.To(goneId).Should().BeEmpty();
        (await visitor.GetStringAsync($"{PasswordFlows.ForgotPath}?sent=1")).Should().Contain("If a staff account has this address");
    }

    [Fact]
    public async Task A_reset_link_expires_after_the_configured_minutes()
    {
        var email = $"{TestCatalogue.Unique("slow")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.Editor);
        using var visitor = portal.NewClient("de");
        await ForgotAsync(visitor, email);
        var link = portal.Mail.LastLinkTo(id);
        (await visitor.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, "the link is fresh");

        portal.Clock.Advance(TimeSpan.FromMinutes(61));

        var expired = await visitor.GetAsync(link);
        expired.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await expired.Content.ReadAsStringAsync()).Should().Contain("Dieser Link funktioniert nicht mehr").And.Contain("60 Minuten");
        using var stillOld = await portal.SignedInAsync(email);
    }

    [Fact]
    public async Task The_reset_page_refuses_a_weak_or_mistyped_password_in_the_readers_language_and_keeps_the_link_usable()
    {
        var email = $"{TestCatalogue.Unique("weak")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.Editor);
        using var visitor = portal.NewClient("tr");
        await ForgotAsync(visitor, email);
        var link = portal.Mail.LastLinkTo(id);

        var common = await PasswordsFixture.PostAsync(visitor, link, "reset", ("password", "Password12345!"), ("repeat", "Password12345!"));
        var mistyped = await PasswordsFixture.PostAsync(visitor, link, "reset", ("password", NewPassword), ("repeat", NewPassword + "x"));
        var tooShort = await PasswordsFixture.PostAsync(visitor, link, "reset", ("password", "kısa"), ("repeat", "kısa"));

        common.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(common)).Find("//div[@class='error-summary']").Text().Should().Contain("yaygın veya sızdırılmış şifreler");
        (await mistyped.Content.ReadAsStringAsync()).Should().Contain("Girdiğiniz iki yeni şifre aynı değil");
        (await tooShort.Content.ReadAsStringAsync()).Should().Contain("En az 12 karakter");
        (await PasswordsFixture.PostAsync(visitor, link, "reset", ("password", NewPassword), ("repeat", NewPassword)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "refusals do not spend the link");
    }

    private static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, string antiforgery, string password, string repeat) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["_handler"] = "reset",
            ["password"] = password,
            ["repeat"] = repeat,
        }));
}
