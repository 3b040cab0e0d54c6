using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>
/// Walks every staff endpoint the portal maps and proves that staff of centre B can neither see nor change
/// anything of centre A's sessions and children through it. A new staff endpoint fails the first test until it
/// is added to <see cref="KnownStaffRoutes"/> with its own check below.
/// </summary>
public class CrossCentreAccessTests(StaffFixture portal) : IClassFixture<StaffFixture>
{
    private static readonly string[] KnownStaffRoutes =
    [
        "/staff/today",
        "/staff/sessions/{SessionId:long}",
        "/staff/sessions/{sessionId:long}/marks/{participantId:int}",
        "/staff/import",
        "/api/v1/attendance/import",
    ];

    private static readonly string[] RosterForms = ["roster", "headcount", "add-existing", "add-child", "cancel"];

    [Fact]
    public void Every_staff_endpoint_is_covered_by_this_test()
    {
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/staff", StringComparison.Ordinal) || route.StartsWith("/api/v1/attendance", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        routes.Should().NotBeEmpty();
        routes.Should().BeSubsetOf(KnownStaffRoutes, "each staff endpoint needs a cross-centre check in this class");
    }

    [Fact]
    public async Task Staff_of_centre_B_get_not_found_for_every_form_of_centre_As_session_and_nothing_is_written()
    {
        using var client = await portal.ClientAsync(portal.StaffB);
        var before = await SnapshotAsync();
        var token = (await Html.ParseAsync(await client.GetAsync("/staff/today"))).AntiforgeryToken();
        var path = RosterPage.PathFor(portal.SessionA.Id);
        var child = portal.ChildrenA[2];

        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var form in RosterForms)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = form,
                [$"mark-{child.Id}"] = "Excused",
                ["children"] = "7", ["adults"] = "3",
                ["code"] = child.Code, ["nickname"] = "Not yours",
                ["birthYear"] = "2022", ["birthMonth"] = "3", ["districtId"] = portal.CentreA.DistrictId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["consent"] = "true", ["reason"] = "Not yours to cancel",
            }));
            response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden], $"form '{form}'");
        }

        var single = await client.PostAsync(SingleMarkEndpoint.PathFor(portal.SessionA.Id, child.Id), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["status"] = "Excused" }));
        single.StatusCode.Should().Be(HttpStatusCode.NotFound, "a single tick on another centre's session");

        (await SnapshotAsync()).Should().Be(before, "nothing of centre A may change");
    }

    [Fact]
    public async Task The_today_page_of_centre_B_shows_nothing_of_centre_A()
    {
        using var client = await portal.ClientAsync(portal.StaffB);

        var html = await client.GetStringAsync("/staff/today");

        html.Should().NotContain(RosterPage.PathFor(portal.SessionA.Id)).And.NotContain(RosterPage.PathFor(portal.OpenMeetingA.Id));
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = portal.NewDb();
        var sessionIds = new[] { portal.SessionA.Id, portal.OpenMeetingA.Id };
        var attendances = await db.Attendances.CountAsync(a => sessionIds.Contains(a.SessionId));
        var changes = await db.AttendanceChanges.CountAsync(c => sessionIds.Contains(c.SessionId));
        var sessions = await db.Sessions.Where(s => sessionIds.Contains(s.Id))
            .Select(s => s.Status + "/" + s.HeadcountChildren + "/" + s.CancellationReason).ToListAsync();
        var participants = await db.Participants.CountAsync();
        var nicknames = await db.ParticipantNicknames.CountAsync();
        var enrolments = await db.Enrolments.CountAsync();
        return $"{attendances}|{changes}|{string.Join(',', sessions)}|{participants}|{nicknames}|{enrolments}";
    }
}
