using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>The user pages are for Admins only: everyone else is refused, on every page and every form.</summary>
public class UserPagesAccessTests(UsersFixture portal) : IClassFixture<UsersFixture>
{
    // The participants' data page (access and erasure) has its own access test: Features/Privacy/ParticipantsPageTests.
    private static readonly string[] KnownRoutes = ["/admin/users", "/admin/users/new", "/admin/users/{Id}", "/admin/participants", "/admin/participants/export", "/admin/audit"];

    private string[] Paths() => ["/admin/users", "/admin/users/new", UserPages.PathFor(portal.Ids[UsersFixture.CentreStaff]), "/admin/audit"];

    [Fact]
    public void Every_admin_route_is_known_here()
    {
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/admin", StringComparison.Ordinal))
            .Distinct();

        routes.Should().BeEquivalentTo(KnownRoutes, "a new admin page needs its place in the access test below");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var anonymous = await portal.ClientAsync();

        foreach (var path in Paths())
        {
            var response = await anonymous.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);
        }
    }

    [Theory]
    [InlineData(UsersFixture.Editor)]
    [InlineData(UsersFixture.CentreStaff)]
    [InlineData(UsersFixture.Official)]
    public async Task Everyone_but_admins_is_refused_on_every_page_and_form(string email)
    {
        using var client = await portal.ClientAsync(email);
        var target = portal.Ids[UsersFixture.CentreStaff];
        var email2 = $"{TestCatalogue.Unique("sneaky")}@example.org";

        foreach (var path in Paths())
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
        }
        var invite = await UsersFixture.PostAsync(client, UserPages.InvitePath, "invite",
            [new("email", email2), new("roles", Roles.Admin)], tokenFrom: "/account/sign-in");
        var promote = await UsersFixture.PostAsync(client, UserPages.PathFor(target), "access",
            [new("roles", Roles.Admin), new("roles", Roles.CentreStaff), new(UserAccessForm.FieldFor(portal.CentreA.Id), "staff")], tokenFrom: "/account/sign-in");
        var deactivate = await UsersFixture.PostAsync(client, UserPages.PathFor(target), "deactivate", [], tokenFrom: "/account/sign-in");

        foreach (var response in new[] { invite, promote, deactivate })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        }
        await using var db = portal.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email2)).Should().BeFalse();
        var staff = await db.Users.AsNoTracking().SingleAsync(u => u.Id == target);
        staff.IsActive.Should().BeTrue();
        (await db.UserRoles.CountAsync(r => r.UserId == target)).Should().Be(1);
    }

    [Fact]
    public async Task Admins_open_every_page_and_an_unknown_account_is_not_found()
    {
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        foreach (var path in Paths())
        {
            (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }
        (await admin.GetAsync(UserPages.PathFor("no-such-account"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
