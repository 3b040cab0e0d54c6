using System.Net;
using System.Net.Http.Headers;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Accounts.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>An account with a one-time password can do nothing but choose its own; API tokens are not held up.</summary>
public class MustChangePasswordTests(PasswordsFixture portal) : IClassFixture<PasswordsFixture>
{
    private const string OwnPassword = "the orange cat sleeps at noon";

    [Fact]
    public async Task Every_page_sends_the_account_to_change_its_password_until_it_has()
    {
        var email = $"{TestCatalogue.Unique("first.day")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.CentreStaff, mustChangePassword: true);
        using var staff = portal.NewClient();

        var signedIn = await UsersFixture.SignInAsync(staff, email, PasswordsFixture.Password);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var today = await staff.GetAsync(PasswordsFixture.Target(signedIn));
        today.StatusCode.Should().Be(HttpStatusCode.Found);
        PasswordsFixture.Target(today).Should().Be("/account/password?returnUrl=%2Fstaff%2Ftoday");
        PasswordsFixture.Target(await staff.GetAsync("/")).Should().Be(PasswordFlows.ChangePath, "the public pages too");
        (await staff.PostAsync("/staff/import", new StringContent(""))).StatusCode.Should().Be(HttpStatusCode.SeeOther, "a post is sent on with 303");
        var status = await staff.GetAsync("/status/403");
        status.Headers.Location.Should().BeNull("error pages are not held up");
        status.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the status page itself answers");
        (await staff.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await staff.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK, "the change page needs its stylesheet");
        var changePage = await staff.GetAsync(PasswordsFixture.Target(today));
        changePage.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changePage.Content.ReadAsStringAsync()).Should().Contain("You signed in with a one-time password");

        var wrongCurrent = await PasswordsFixture.PostAsync(staff, "/account/password?returnUrl=%2Fstaff%2Ftoday", "change-password",
            ("current", "not my password at all"), ("password", OwnPassword), ("repeat", OwnPassword), ("returnUrl", "/staff/today"));
        wrongCurrent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongCurrent.Content.ReadAsStringAsync()).Should().Contain("The current password is not right");

        var changed = await PasswordsFixture.PostAsync(staff, "/account/password?returnUrl=%2Fstaff%2Ftoday", "change-password",
            ("current", PasswordsFixture.Password), ("password", OwnPassword), ("repeat", OwnPassword), ("returnUrl", "/staff/today"));

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        PasswordsFixture.Target(changed).Should().Be("/staff/today");
        (await staff.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK, "the same session goes on, and the gate is open");
        await using var db = portal.NewDb();
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).MustChangePassword.Should().BeFalse();
    }

    [Fact]
    public async Task Changing_the_password_ends_the_accounts_other_sessions_and_keeps_this_one()
    {
        var email = $"{TestCatalogue.Unique("careful")}@example.org";
        await portal.CreateAccountAsync(email, Roles.Editor);
        using var laptop = await portal.SignedInAsync(email);
        using var phone = await portal.SignedInAsync(email);
        // The staff pages answer a frame only (interactive, no prerendering); their navigation links the account page
        // (StaffNavigation), a static page that links the password change for everyone signed in.
        (await laptop.GetAsync("/editor")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await phone.GetAsync("/editor")).StatusCode.Should().Be(HttpStatusCode.OK, "both sessions are open before the change");
        (await laptop.GetStringAsync("/account")).Should().Contain("href=\"/account/password\"", "everyone signed in finds the page");

        var changed = await PasswordsFixture.PostAsync(laptop, PasswordFlows.ChangePath, "change-password",
            ("current", PasswordsFixture.Password), ("password", OwnPassword), ("repeat", OwnPassword));

        PasswordsFixture.Target(changed).Should().Be($"{PasswordFlows.ChangePath}?done=1");
        (await laptop.GetAsync("/editor")).StatusCode.Should().Be(HttpStatusCode.OK, "this session goes on");
        PasswordsFixture.Target(await phone.GetAsync("/editor")).Should().StartWith("/account/sign-in?");
        var same = await PasswordsFixture.PostAsync(laptop, PasswordFlows.ChangePath, "change-password",
            ("current", OwnPassword), ("password", OwnPassword), ("repeat", OwnPassword));
        (await same.Content.ReadAsStringAsync()).Should().Contain("The new password is your current one");
    }

    [Fact]
    public async Task Api_tokens_of_an_account_that_must_change_its_password_still_work()
    {
        var email = $"{TestCatalogue.Unique("robot")}@example.org";
        await portal.CreateAccountAsync(email, Roles.Official, mustChangePassword: true);
        string token;
        await using (var scope = portal.Scope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "test", 30)).Token;
        }
        using var client = portal.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
