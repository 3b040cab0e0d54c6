using System.Net;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// The Admin pages are for Admins only: a page load checks the role at the endpoint, and inside an open page every
/// load and every handler asks the database again. Someone who lost the role, or whose account was deactivated, while
/// the page was open changes nothing.
/// </summary>
public sealed class UserPagesAccessTests(UsersFixture world) : AdminPageTest(world), IClassFixture<UsersFixture>
{
    // The participants' data page (access and erasure) has its own tests: Features/Privacy/ParticipantsPageTests.
    private static readonly string[] KnownRoutes = ["/admin/users", "/admin/users/new", "/admin/users/{Id}", "/admin/participants", "/admin/participants/export", "/admin/audit", "/admin/catalogue-import"];

    private UsersFixture Portal => world;

    private string[] Paths() => ["/admin/users", "/admin/users/new", UserPages.PathFor(World.StaffA.Id), "/admin/audit", "/admin/participants", "/admin/catalogue-import"];

    [Fact]
    public void Every_admin_route_is_known_here()
    {
        var routes = World.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/admin", StringComparison.Ordinal))
            .Distinct();

        routes.Should().BeEquivalentTo(KnownRoutes, "a new admin page needs its place in the access tests");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var anonymous = Portal.NewClient();

        foreach (var path in Paths())
        {
            var response = await anonymous.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);
        }
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.CentreStaff)]
    [InlineData(Roles.Official)]
    public async Task Everyone_but_admins_is_refused_at_the_door_of_every_page(string role)
    {
        var account = role switch { Roles.Editor => World.Editor, Roles.Official => World.Official, _ => World.StaffA };
        using var client = await Portal.ClientAsync(account.Email);

        foreach (var path in Paths())
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
        }
    }

    [Fact]
    public async Task Admins_open_every_page()
    {
        using var admin = await Portal.ClientAsync(World.Admin.Email);

        foreach (var path in Paths())
        {
            (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        await SignInAsync(World.Admin);

        var page = Open<UserEditPage>(p => p.Add(x => x.Id, "no-such-account"));

        page.WaitForAssertion(() => page.Markup.Should().Contain("This account no longer exists"), Wait);
        page.FindAll("button").Should().BeEmpty("there is nothing to change");
    }

    [Fact]
    public async Task A_page_rendered_for_someone_who_is_not_an_admin_shows_nothing_of_the_account()
    {
        await SignInAsync(World.Editor);

        var page = Open<UserEditPage>(p => p.Add(x => x.Id, World.StaffA.Id));

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        page.Markup.Should().NotContain(World.StaffA.Email);
        page.FindAll("button").Should().BeEmpty();
    }

    [Fact]
    public async Task An_admin_who_lost_the_role_while_the_page_was_open_deactivates_nobody()
    {
        var admin = await Portal.NewAccountAsync("demoted", Roles.Admin);
        var target = await Portal.NewAccountAsync("target", Roles.CentreStaff, World.CentreA);
        await SignInAsync(admin);
        var page = Open<UserEditPage>(p => p.Add(x => x.Id, target.Id));
        page.WaitForAssertion(() => page.FindAll("#deactivate").Should().NotBeEmpty(), Wait);

        await RemoveRoleAsync(admin, Roles.Admin);
        Click(page, "#deactivate");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        Dialogs.FindAll(".mud-dialog").Should().BeEmpty("nothing is even asked");
        await TargetUnchangedAsync(target);
    }

    [Fact]
    public async Task An_admin_demoted_while_the_confirmation_was_open_deactivates_nobody()
    {
        var admin = await Portal.NewAccountAsync("demoted.late", Roles.Admin);
        var target = await Portal.NewAccountAsync("target.late", Roles.CentreStaff, World.CentreA);
        await SignInAsync(admin);
        var page = Open<UserEditPage>(p => p.Add(x => x.Id, target.Id));
        page.WaitForAssertion(() => page.FindAll("#deactivate").Should().NotBeEmpty(), Wait);
        Click(page, "#deactivate");
        DialogText().Should().Contain("Deactivate");

        await RemoveRoleAsync(admin, Roles.Admin);
        AnswerDialog("Deactivate the account");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        await TargetUnchangedAsync(target);
    }

    [Fact]
    public async Task A_deactivated_admin_changes_no_roles_invites_nobody_and_lists_nobody()
    {
        var admin = await Portal.NewAccountAsync("gone.admin", Roles.Admin);
        var target = await Portal.NewAccountAsync("target.roles", Roles.CentreStaff, World.CentreA);
        await SignInAsync(admin);
        var edit = Open<UserEditPage>(p => p.Add(x => x.Id, target.Id));
        edit.WaitForAssertion(() => edit.FindAll("#save-access").Should().NotBeEmpty(), Wait);
        var invite = Open<UserInvitePage>();
        invite.WaitForAssertion(() => invite.FindAll("#invite-create").Should().NotBeEmpty(), Wait);
        var email = $"{TestCatalogue.Unique("sneaky")}@example.org";

        await DeactivateInDatabaseAsync(admin);
        Tick(edit, "Admin", true);
        Click(edit, "#save-access");
        TypeInto(invite, "#email", email);
        Choose(invite, $"centre-{World.CentreA.Id}", UserAccessForm.Staff);
        Click(invite, "#invite-create");
        var list = Open<UserListPage>();

        edit.WaitForAssertion(() => edit.Markup.Should().Contain("You may no longer do this"), Wait);
        invite.WaitForAssertion(() => invite.Markup.Should().Contain("You may no longer do this"), Wait);
        list.WaitForAssertion(() => list.Markup.Should().Contain("You may no longer do this"), Wait);
        list.FindAll("a[href^='/admin/users/']").Where(a => a.GetAttribute("href") != UserPages.InvitePath).Should().BeEmpty();
        await TargetUnchangedAsync(target);
        await using var db = World.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
        Services.GetRequiredService<NavigationManager>().Uri.Should().NotContain(UserPages.ListPath + "/");
    }

    /// <summary>Still active, still centre staff of centre A only, still with its security stamp.</summary>
    private async Task TargetUnchangedAsync(TestWorld.Account target)
    {
        await using var db = World.NewDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id);
        user.IsActive.Should().BeTrue();
        (await db.UserRoles.Where(r => r.UserId == target.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync())
            .Should().Equal(Roles.CentreStaff);
        (await db.StaffCentres.Where(s => s.UserId == target.Id).Select(s => s.CentreId).ToListAsync()).Should().Equal(World.CentreA.Id);
    }
}
