using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

public class CorrectionTests(StaffFixture portal) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task After_14_days_staff_see_the_roster_read_only_and_cannot_change_it()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(portal.OldSessionA.Id);

        var page = await Html.ParseAsync(await client.GetAsync(path));
        var post = await StaffFixture.PostFormAsync(client, path, "roster", new() { [$"mark-{portal.ChildrenA[0].Id}"] = "Present" });

        page.Find("//p[@role='status']").Text().Should().StartWith("This session ended more than 14 days ago");
        page.DocumentNode.SelectNodes("//input[@type='radio' and not(@disabled)]").Should().BeNull();
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = portal.NewDb();
        var child = portal.ChildrenA[0].Id;
        (await db.Attendances.AnyAsync(a => a.SessionId == portal.OldSessionA.Id && a.ParticipantId == child)).Should().BeFalse();
        (await db.AttendanceChanges.AnyAsync(c => c.SessionId == portal.OldSessionA.Id && c.ParticipantId == child)).Should().BeFalse();
    }

    [Fact]
    public async Task A_coordinator_of_the_centre_may_still_correct_and_the_change_is_in_the_trail()
    {
        using var client = await portal.ClientAsync(portal.CoordinatorA);

        var post = await StaffFixture.PostFormAsync(client, RosterPage.PathFor(portal.OldSessionA.Id), "roster",
            new() { [$"mark-{portal.ChildrenA[1].Id}"] = "Excused" });

        post.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var change = await db.AttendanceChanges.SingleAsync(c => c.SessionId == portal.OldSessionA.Id);
        (change.ParticipantId, change.StatusBefore, change.StatusAfter).Should().Be((portal.ChildrenA[1].Id, (AttendanceStatus?)null, AttendanceStatus.Excused));
        change.ChangedById.Should().NotBeNull();
    }

    [Fact]
    public async Task Every_change_is_kept_with_before_and_after_and_repeating_a_save_adds_nothing()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(portal.AuditSessionA.Id);
        var first = portal.ChildrenA.Take(3).ToDictionary(c => $"mark-{c.Id}", _ => "Present");
        var corrected = new Dictionary<string, string>(first) { [$"mark-{portal.ChildrenA[0].Id}"] = "Absent" };

        await StaffFixture.PostFormAsync(client, path, "roster", new(first));
        await StaffFixture.PostFormAsync(client, path, "roster", new(corrected));
        await StaffFixture.PostFormAsync(client, path, "roster", new(corrected));

        await using var db = portal.NewDb();
        var trail = await db.AttendanceChanges.Where(c => c.SessionId == portal.AuditSessionA.Id).OrderBy(c => c.Id).ToListAsync();
        trail.Should().HaveCount(4, "three first marks and one correction; the repeated save changed nothing");
        var correction = trail[^1];
        (correction.ParticipantId, correction.StatusBefore, correction.StatusAfter)
            .Should().Be((portal.ChildrenA[0].Id, (AttendanceStatus?)AttendanceStatus.Present, AttendanceStatus.Absent));
        (await db.Attendances.SingleAsync(a => a.SessionId == portal.AuditSessionA.Id && a.ParticipantId == portal.ChildrenA[0].Id)).Status
            .Should().Be(AttendanceStatus.Absent);
    }
}
