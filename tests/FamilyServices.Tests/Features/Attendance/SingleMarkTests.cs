using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

public class SingleMarkTests(StaffFixture portal) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task One_tick_is_saved_at_once_and_sending_it_again_changes_nothing()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var token = (await Html.ParseAsync(await client.GetAsync(RosterPage.PathFor(portal.AuditSessionA.Id)))).AntiforgeryToken();
        var child = portal.ChildrenA[7];

        HttpResponseMessage Post(string status) => client.PostAsync(SingleMarkEndpoint.PathFor(portal.AuditSessionA.Id, child.Id),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["status"] = status })).Result;

        Post("Excused").StatusCode.Should().Be(HttpStatusCode.NoContent);
        Post("Excused").StatusCode.Should().Be(HttpStatusCode.NoContent);

        await using var db = portal.NewDb();
        (await db.Attendances.SingleAsync(a => a.SessionId == portal.AuditSessionA.Id && a.ParticipantId == child.Id)).Status.Should().Be(AttendanceStatus.Excused);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == portal.AuditSessionA.Id && c.ParticipantId == child.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_tick_without_the_antiforgery_token_for_an_unknown_child_or_after_the_window_is_refused()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var token = (await Html.ParseAsync(await client.GetAsync("/staff/today"))).AntiforgeryToken();
        FormUrlEncodedContent Form(bool withToken) => new(withToken
            ? new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["status"] = "Present" }
            : new Dictionary<string, string> { ["status"] = "Present" });

        var noToken = await client.PostAsync(SingleMarkEndpoint.PathFor(portal.AuditSessionA.Id, portal.ChildrenA[8].Id), Form(false));
        var stranger = await client.PostAsync(SingleMarkEndpoint.PathFor(portal.AuditSessionA.Id, portal.ChildB.Id), Form(true));
        var late = await client.PostAsync(SingleMarkEndpoint.PathFor(portal.OldSessionA.Id, portal.ChildrenA[8].Id), Form(true));

        noToken.IsSuccessStatusCode.Should().BeFalse();
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        late.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = portal.NewDb();
        (await db.Attendances.AnyAsync(a => a.ParticipantId == portal.ChildrenA[8].Id)).Should().BeFalse();
        (await db.Attendances.AnyAsync(a => a.SessionId == portal.AuditSessionA.Id && a.ParticipantId == portal.ChildB.Id)).Should().BeFalse();
    }
}
