using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Attendance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task An_Admin_sees_the_day_grouped_by_centre_and_can_narrow_it_to_one()
    {
        await SignInAsync(World.Admin);

        var all = Render<TodayPage>();
        all.WaitForAssertion(() => all.FindAll("section.today-centre-group").Count.Should().BeGreaterThanOrEqualTo(2), TimeSpan.FromSeconds(30));
        all.Find($"section[aria-labelledby='centre-{World.CentreA.Id}'] a[href='{RosterPage.PathFor(World.SessionA.Id)}']").Should().NotBeNull();
        all.Find($"section[aria-labelledby='centre-{World.CentreB.Id}'] a[href='{RosterPage.PathFor(World.SessionB.Id)}']").Should().NotBeNull();
        all.FindAll("#centre-filter").Should().NotBeEmpty("an Admin sees several centres and may choose one");

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/staff/today?centre={World.CentreB.Id}");
        var one = Render<TodayPage>();

        one.WaitForAssertion(() => one.FindAll("a[href^='/staff/sessions/']").Should().NotBeEmpty(), TimeSpan.FromSeconds(30));
        one.FindAll("section.today-centre-group").Should().ContainSingle();
        one.FindAll("a[href^='/staff/sessions/']").Select(a => a.GetAttribute("href")).Should().Contain(RosterPage.PathFor(World.SessionB.Id))
            .And.NotContain(RosterPage.PathFor(World.SessionA.Id));
    }

    [Fact]
    public async Task Staff_of_one_centre_get_no_centre_filter_but_other_days_and_the_import_as_links()
    {
        await SignInAsync(World.StaffA);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/staff/today?date=2026-03-02");

        var page = Render<TodayPage>();

        page.WaitForAssertion(() => page.FindAll(".mud-alert, section.today-centre-group").Should().NotBeEmpty(), TimeSpan.FromSeconds(30));
        page.FindAll("#centre-filter").Should().BeEmpty();
        page.Find("a#previous-day").GetAttribute("href").Should().EndWith("date=2026-03-01");
        page.Find("a#next-day").GetAttribute("href").Should().EndWith("date=2026-03-03");
        page.FindAll("a[href='/staff/import']").Should().ContainSingle();
    }

    [Fact]
    public void The_day_is_grouped_by_centre_name_and_each_centre_by_start()
    {
        var day = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Unspecified);
        TodaySessions.Row Row(long id, int centre, string name, int hour, int present = 0) =>
            new(id, day.AddHours(hour), day.AddHours(hour + 1), "Group", centre, name, null, Web.Domain.SessionStatus.Scheduled, present, false);
        var rows = new[] { Row(1, 2, "Zeytinburnu", 9), Row(2, 1, "Alikahya", 11, present: 4), Row(3, 1, "Alikahya", 8), Row(4, 2, "Zeytinburnu", 8) };

        var groups = TodaySessions.ByCentre(rows, centreId: null);

        groups.Select(g => g.Centre).Should().Equal("Alikahya", "Zeytinburnu");
        groups[0].Sessions.Select(s => s.Id).Should().Equal(3, 2);
        (groups[0].Sessions.Count, groups[0].Logged).Should().Be((2, 1));
        TodaySessions.ByCentre(rows, centreId: 2).Single().Sessions.Select(s => s.Id).Should().Equal(4, 1);
        TodaySessions.ByCentre(rows, centreId: 99).Should().BeEmpty();
    }
}
