using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>
/// Staff of centre B can neither see nor change anything of centre A's sessions and children: not through an
/// endpoint (the walk below fails when a new staff endpoint appears without a check here) and not through the
/// handlers of an interactive page that was opened while the account still worked for A. Every handler asks for the
/// account as the database knows it now, so moving the account to centre B, or deactivating it, counts at the next
/// click; the tables stay exactly as they were.
/// </summary>
public sealed class CrossCentreAccessTests(StaffFixture world) : InteractivePageTest(world), IClassFixture<StaffFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly string[] KnownStaffRoutes =
    [
        "/staff/today",
        "/staff/sessions/{SessionId:long}",
        "/staff/import",
        "/api/v1/attendance/import",
    ];

    private StaffFixture Fixture => (StaffFixture)World;

    [Fact]
    public void Every_staff_endpoint_is_covered_by_this_test()
    {
        var routes = World.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/staff", StringComparison.Ordinal) || route.StartsWith("/api/v1/attendance", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        routes.Should().NotBeEmpty();
        routes.Should().BeSubsetOf(KnownStaffRoutes, "each staff endpoint needs a cross-centre check in this class");
    }

    [Fact]
    public async Task Staff_of_centre_B_find_centre_As_roster_not_found_and_see_no_child_of_it()
    {
        await SignInAsync(World.StaffB);
        var before = await SnapshotAsync();

        var page = Render<RosterPage>(p => p.Add(x => x.SessionId, World.SessionA.Id));

        page.WaitForAssertion(() => page.Find(".mud-alert").TextContent.Should().Be("This session does not exist or does not belong to your centres."), Wait);
        foreach (var child in Fixture.ChildrenA) page.Markup.Should().NotContain(ParticipantCode.Display(child.Code));
        (await SnapshotAsync()).Should().Be(before, "not even a view is recorded");
    }

    [Fact]
    public async Task The_today_page_of_centre_B_shows_nothing_of_centre_A()
    {
        await SignInAsync(World.StaffB);

        var page = Render<TodayPage>();

        page.WaitForAssertion(() => page.FindAll("a[href^='/staff/sessions/']").Should().NotBeEmpty(), Wait);
        page.Markup.Should().NotContain(RosterPage.PathFor(World.SessionA.Id)).And.NotContain(RosterPage.PathFor(Fixture.OpenMeetingA.Id));
    }

    /// <summary>The issue's proof: staff with a circuit open on centre A's roster, moved to centre B, invoke every handler.</summary>
    [Fact]
    public async Task Staff_moved_to_centre_B_with_As_roster_open_are_refused_by_every_handler_and_no_table_changes()
    {
        var mover = await World.AccountAsync($"mover.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, World.CentreA);
        await SignInAsync(mover);
        var session = await Fixture.SessionAsync();
        var dialogs = Render<MudDialogProvider>();
        var roster = this.OpenRoster(session);
        var headcount = this.OpenRoster(Fixture.OpenMeetingA);
        var before = await SnapshotAsync();

        await Fixture.MoveAsync(mover, World.CentreB);

        roster.Tick(Fixture.ChildrenA[0], AttendanceStatus.Excused);
        roster.WaitForAssertion(() => roster.Row(Fixture.ChildrenA[0]).GetAttribute("data-state").Should().Be(nameof(MarkState.NotSaved)), Wait);
        roster.Press("#mark-all-present");
        roster.Expand("add-child-panel");
        roster.Find("#code").Change(Fixture.ChildrenA[1].Code);
        roster.Find("#existing-nickname").Change("Not yours");
        roster.Press("#add-existing");
        roster.WaitForAssertion(() => roster.Find("#add-existing-problem").TextContent.Should().Be(NotFound), Wait);
        roster.Find("#birth-year").Change("2022");
        await roster.ChooseAsync("Birth month", 3);
        await roster.ChooseAsync("District where the child lives", World.CentreA.DistrictId);
        await roster.ConsentAsync();
        roster.Press("#add-new");
        roster.WaitForAssertion(() => roster.Find("#add-new-problem").TextContent.Should().Be(NotFound), Wait);
        roster.Expand("cancel-panel");
        roster.Find("#reason").Change("Not yours to cancel");
        roster.Press("#cancel-session");
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Should().NotBeEmpty(), Wait);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel the session").Click();
        roster.WaitForAssertion(() => roster.Find("#cancel-problem").TextContent.Should().Be(NotFound), Wait);
        headcount.Find("#children").Change("7");
        headcount.Find("#adults").Change("3");
        headcount.Press("#save-headcount");
        headcount.WaitForAssertion(() => headcount.Find(".mud-alert").TextContent.Should().Contain(NotFound), Wait);

        (await SnapshotAsync()).Should().Be(before, "nothing of centre A may change");
    }

    [Fact]
    public async Task A_deactivated_accounts_tick_is_refused_and_nothing_changes()
    {
        var leaving = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, World.CentreA);
        await SignInAsync(leaving);
        var session = await Fixture.SessionAsync();
        var roster = this.OpenRoster(session);
        var before = await SnapshotAsync();

        await Fixture.DeactivateAsync(leaving);
        roster.Tick(Fixture.ChildrenA[2], AttendanceStatus.Excused);
        roster.Press("#mark-all-present");

        roster.WaitForAssertion(() => roster.Row(Fixture.ChildrenA[2]).GetAttribute("data-state").Should().Be(nameof(MarkState.NotSaved)), Wait);
        (await SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_import_api_refuses_centre_Bs_token_for_centre_As_offering_and_writes_nothing()
    {
        var offering = World.OfferingA;
        string token;
        await using (var scope = World.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                .IssueAsync((await users.FindByIdAsync(World.StaffB.Id))!, "cross-centre", 1)).Token;
        }
        var before = await SnapshotAsync();
        using var client = World.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var day = DateOnly.FromDateTime(World.SessionA.StartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"{AttendanceImporter.Header}\n{offering.Code},{day},10:00,{Fixture.ChildrenA[3].Code},,,,excused\n";

        var response = await client.PostAsync("/api/v1/attendance/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SnapshotAsync()).Should().Be(before);
    }

    private const string NotFound = "This session does not exist or does not belong to your centres.";

    /// <summary>Every table a roster or an import writes, in full enough detail to see any change.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = World.NewDb();
        var attendances = await db.Attendances.OrderBy(a => a.SessionId).ThenBy(a => a.ParticipantId)
            .Select(a => a.SessionId + ":" + a.ParticipantId + ":" + a.Status).ToListAsync();
        var changes = await db.AttendanceChanges.CountAsync();
        var sessions = await db.Sessions.OrderBy(s => s.Id)
            .Select(s => s.Id + "/" + s.Status + "/" + s.HeadcountChildren + "/" + s.HeadcountAdults + "/" + s.CancellationReason).ToListAsync();
        var participants = await db.Participants.CountAsync();
        var nicknames = await db.ParticipantNicknames.CountAsync();
        var enrolments = await db.Enrolments.CountAsync();
        var audit = await db.AuditEvents.CountAsync();
        return $"{string.Join(',', attendances)}|{changes}|{string.Join(',', sessions)}|{participants}|{nicknames}|{enrolments}|{audit}";
    }
}
