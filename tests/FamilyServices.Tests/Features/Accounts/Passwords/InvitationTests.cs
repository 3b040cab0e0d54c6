using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Passwords;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>An Admin's invitation: an account nobody can sign in to until its owner chooses a password through the mailed link, once.</summary>
public class InvitationTests(PasswordsFixture portal) : IClassFixture<PasswordsFixture>
{
    private const string ChosenPassword = "a kettle of fish and chips";

    /// <summary>What the Admins' invitation page does (its page behaviour is tested in Users/UserManagementTests).</summary>
    private async Task<(string Id, string Link)> InviteAsync(string email)
    {
        await using var scope = portal.Scope();
        var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(PasswordsFixture.Admin))!.Id;
        var (created, refusal) = await scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>()
            .CreateInvitedAsync(new NewAccount(email, "Jan de Vries", [Roles.CentreStaff], [new CentreAccess(portal.Centre.Id, false)]), adminId);
        refusal.Should().BeNull();
        (await scope.ServiceProvider.GetRequiredService<PasswordFlows>().SendInvitationAsync(created!, new Uri("https://localhost/"), adminId)).Should().BeTrue();
        return (created!.Id, portal.Mail.LastLinkTo(created.Id));
    }

    /// <summary>What the account's page does when the Admin sends a new invitation.</summary>
    private async Task<bool> ResendAsync(string id)
    {
        await using var scope = portal.Scope();
        var flows = scope.ServiceProvider.GetRequiredService<PasswordFlows>();
        return await flows.SendInvitationAsync((await flows.FindAsync(id))!, new Uri("https://localhost/"), "admin");
    }

    [Fact]
    public async Task An_invited_person_chooses_a_password_then_signs_in_and_the_link_is_spent()
    {
        var email = $"{TestCatalogue.Unique("invited")}@example.org";

        var (id, link) = await InviteAsync(email);

        link.Should().StartWith($"{PasswordFlows.InvitationPath}?user=").And.NotContain("example.org");
        await using (var db = portal.NewDb())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            user.PasswordHash.Should().BeNull("the account has no usable password until the invitation is accepted");
            user.MustChangePassword.Should().BeFalse();
        }
        using var invited = portal.NewClient();
        (await UsersFixture.SignInAsync(invited, email, "")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing signs in to an invited account");

        var refused = await PasswordsFixture.PostAsync(invited, link, "invitation", ("password", "Jan de Vries 2024"), ("repeat", "Jan de Vries 2024"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("must not contain your name");

        var accepted = await PasswordsFixture.PostAsync(invited, link, "invitation", ("password", ChosenPassword), ("repeat", ChosenPassword));

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        PasswordsFixture.Target(accepted).Should().Be($"{PasswordFlows.InvitationPath}?done=1");
        PasswordsFixture.Target(await invited.GetAsync("/staff/today")).Should().StartWith("/account/sign-in?", "accepting signs nobody in");
        using (var signedIn = await portal.SignedInAsync(email, ChosenPassword))
        {
            (await signedIn.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        var reused = await invited.GetAsync(link);
        reused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reused.Content.ReadAsStringAsync()).Should().Contain("This invitation link no longer works");
        await using (var db = portal.NewDb())
        {
            (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).EmailConfirmed.Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_new_invitation_replaces_an_expired_one()
    {
        var email = $"{TestCatalogue.Unique("late")}@example.org";
        var (id, first) = await InviteAsync(email);
        using var invited = portal.NewClient("nl");

        portal.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var expired = await invited.GetAsync(first);
        expired.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await expired.Content.ReadAsStringAsync()).Should().Contain("Deze uitnodigingslink werkt niet meer");

        (await ResendAsync(id)).Should().BeTrue();
        var second = portal.Mail.LastLinkTo(id);
        second.Should().NotBe(first);

        (await PasswordsFixture.PostAsync(invited, second, "invitation", ("password", ChosenPassword), ("repeat", ChosenPassword)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var signedIn = await portal.SignedInAsync(email, ChosenPassword);
        (await ResendAsync(id)).Should().BeFalse("an accepted invitation cannot be sent again");
    }

    [Fact]
    public async Task Sending_a_new_invitation_makes_the_earlier_link_useless()
    {
        var email = $"{TestCatalogue.Unique("twice")}@example.org";
        var (id, first) = await InviteAsync(email);
        (await ResendAsync(id)).Should().BeTrue();
        using var invited = portal.NewClient();

        (await invited.GetAsync(first)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invited.GetAsync(portal.Mail.LastLinkTo(id))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
