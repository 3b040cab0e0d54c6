using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Attendance;
using MudBlazor;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>Today's sessions, rendered as in a circuit: each member of staff sees their own centres' sessions only.</summary>
public sealed class TodayPageTests(TestWorld world) : InteractivePageTest(world), IClassFixture<TestWorld>
{
    [Fact]
    public async Task Staff_see_the_sessions_of_their_own_centre_only()
    {
        await SignInAsync(World.StaffA);

        var page = Render<TodayPage>();

        page.WaitForAssertion(() => page.FindAll("a[href^='/staff/sessions/']").Should().NotBeEmpty(), TimeSpan.FromSeconds(30));
        var links = page.FindAll("a[href^='/staff/sessions/']").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(RosterPage.PathFor(World.SessionA.Id));
        links.Should().NotContain(RosterPage.PathFor(World.SessionB.Id));
    }

    [Fact]
    public async Task An_Admin_sees_every_centre()
    {
        await SignInAsync(World.Admin);

        var page = Render<TodayPage>();

        page.WaitForAssertion(() => page.FindAll("a[href^='/staff/sessions/']").Select(a => a.GetAttribute("href"))
            .Should().Contain([RosterPage.PathFor(World.SessionA.Id), RosterPage.PathFor(World.SessionB.Id)]), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_deactivated_account_sees_no_session()
    {
        var gone = await World.AccountAsync($"gone.{Guid.NewGuid():N}@example.org", FamilyServices.Web.Domain.Roles.CentreStaff, World.CentreA);
        await SignInAsync(gone);
        await using (var db = World.NewDb())
        {
            var user = db.Users.Single(u => u.Id == gone.Id);
            user.IsActive = false;
            await db.SaveChangesAsync();
        }

        var page = Render<TodayPage>();

        page.WaitForAssertion(() => page.FindComponents<MudAlert>().Should().NotBeEmpty(), TimeSpan.FromSeconds(30));
        page.FindAll("a[href^='/staff/sessions/']").Should().BeEmpty();
    }
}
