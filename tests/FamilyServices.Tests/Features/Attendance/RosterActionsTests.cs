using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

public class RosterActionsTests(StaffFixture portal) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task An_open_activity_logs_an_anonymous_headcount_and_counts_as_held()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(portal.OpenMeetingA.Id);

        var refused = await StaffFixture.PostFormAsync(client, path, "headcount", new() { ["children"] = "-3", ["adults"] = "4" });
        var saved = await StaffFixture.PostFormAsync(client, path, "headcount", new() { ["children"] = "12", ["adults"] = "9" });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).Find("//p[@role='alert']").Text().Should().Be("Enter whole numbers from 0 to 500.");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var session = await db.Sessions.SingleAsync(s => s.Id == portal.OpenMeetingA.Id);
        (session.HeadcountChildren, session.HeadcountAdults, session.Status).Should().Be((12, 9, SessionStatus.Held));
        (await db.Attendances.AnyAsync(a => a.SessionId == portal.OpenMeetingA.Id)).Should().BeFalse("no names are taken");
    }

    [Fact]
    public async Task A_child_known_at_another_centre_is_added_by_code_and_stays_one_participant()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        await using var before = portal.NewDb();
        var participants = await before.Participants.CountAsync();

        var response = await StaffFixture.PostFormAsync(client, RosterPage.PathFor(portal.SpareSessionA.Id), "add-existing",
            new() { ["code"] = ParticipantCode.Display(portal.ChildB.Code).ToLowerInvariant() });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        (await db.Participants.CountAsync()).Should().Be(participants);
        (await db.Attendances.SingleAsync(a => a.SessionId == portal.SpareSessionA.Id && a.ParticipantId == portal.ChildB.Id)).Status
            .Should().Be(AttendanceStatus.Present);
        (await db.Enrolments.AnyAsync(e => e.ParticipantId == portal.ChildB.Id && e.OfferingId == portal.SpareSessionA.OfferingId)).Should().BeTrue();
    }

    [Fact]
    public async Task A_nickname_is_shown_only_to_the_centre_that_gave_it()
    {
        using var staffA = await portal.ClientAsync(portal.StaffA);
        using var staffB = await portal.ClientAsync(portal.StaffB);
        var child = portal.ChildrenA[5];

        await StaffFixture.PostFormAsync(staffA, RosterPage.PathFor(portal.SpareSessionA.Id), "add-existing",
            new() { ["code"] = child.Code, ["nickname"] = "Elif" });
        await StaffFixture.PostFormAsync(staffB, RosterPage.PathFor(portal.SessionB.Id), "add-existing", new() { ["code"] = child.Code });

        var rosterA = await staffA.GetStringAsync(RosterPage.PathFor(portal.SpareSessionA.Id));
        var rosterB = await staffB.GetStringAsync(RosterPage.PathFor(portal.SessionB.Id));
        rosterA.Should().Contain("Elif");
        rosterB.Should().Contain(ParticipantCode.Display(child.Code)).And.NotContain("Elif");
    }

    [Fact]
    public async Task A_new_child_needs_birth_month_district_and_the_familys_consent_and_gets_a_valid_code()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(portal.SpareSessionA.Id);
        var fields = new Dictionary<string, string> { ["birthYear"] = "2022", ["birthMonth"] = "7", ["districtId"] = portal.CentreA.DistrictId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var before = portal.NewDb();
        var participants = await before.Participants.CountAsync();

        var future = await StaffFixture.PostFormAsync(client, path, "add-child", new(fields) { ["birthYear"] = "2099", ["consent"] = "true" });
        var noConsent = await StaffFixture.PostFormAsync(client, path, "add-child", new(fields));
        await using (var unchanged = portal.NewDb()) (await unchanged.Participants.CountAsync()).Should().Be(participants);
        var added = await StaffFixture.PostFormAsync(client, path, "add-child", new(fields) { ["consent"] = "true" });

        future.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noConsent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refusedPage = await Html.ParseAsync(noConsent);
        refusedPage.Find("//p[@role='alert']").Text().Should().Be("Please confirm that the family agreed to the registration.");
        refusedPage.Find("//input[@id='birthYear']").GetAttributeValue("value", "").Should().Be("2022", "what was typed is kept");
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var child = await db.Participants.OrderByDescending(p => p.Id).FirstAsync();
        (await db.Participants.CountAsync()).Should().Be(participants + 1);
        ParticipantCode.IsValid(child.Code).Should().BeTrue();
        (child.BirthYear, child.BirthMonth, child.DistrictId).Should().Be((2022, 7, portal.CentreA.DistrictId));
        (await db.Attendances.AnyAsync(a => a.SessionId == portal.SpareSessionA.Id && a.ParticipantId == child.Id && a.Status == AttendanceStatus.Present)).Should().BeTrue();
    }

    [Fact]
    public async Task A_session_is_cancelled_only_with_a_reason_and_then_takes_no_attendance()
    {
        await using (var setup = portal.NewDb())
        {
            var offering = await setup.Offerings.SingleAsync(o => o.Id == portal.SessionA.OfferingId);
            var session = new Session { OfferingId = offering.Id, StartsAt = portal.SessionA.StartsAt.AddDays(7), EndsAt = portal.SessionA.EndsAt.AddDays(7) };
            setup.Sessions.Add(session);
            await setup.SaveChangesAsync();
            _cancelled = session.Id;
        }
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(_cancelled);

        var withoutReason = await StaffFixture.PostFormAsync(client, path, "cancel", new() { ["reason"] = "  " });
        var withReason = await StaffFixture.PostFormAsync(client, path, "cancel", new() { ["reason"] = "Kursleitung krank" });
        var page = await Html.ParseAsync(await client.GetAsync(path));

        withoutReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        withReason.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Find("//p[contains(@class,'status--cancelled')]").Text().Should().Contain("Kursleitung krank");
        page.DocumentNode.SelectSingleNode("//form[.//input[@value='Present']]").Should().BeNull("a cancelled session has no roster to tick");
        await using var db = portal.NewDb();
        var cancelled = await db.Sessions.SingleAsync(s => s.Id == _cancelled);
        (cancelled.Status, cancelled.CancellationReason).Should().Be((SessionStatus.Cancelled, "Kursleitung krank"));
    }

    private long _cancelled;
}
