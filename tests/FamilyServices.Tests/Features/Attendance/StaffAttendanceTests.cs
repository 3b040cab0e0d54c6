using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

public class StaffAttendanceTests(StaffFixture portal) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_the_sign_in_page()
    {
        using var client = await portal.ClientAsync();

        var today = await client.GetAsync("/staff/today");
        var roster = await client.GetAsync(RosterPage.PathFor(portal.SessionA.Id));

        today.StatusCode.Should().Be(HttpStatusCode.Redirect);
        today.Headers.Location!.PathAndQuery.Should().StartWith("/account/sign-in?ReturnUrl=");
        roster.Headers.Location!.PathAndQuery.Should().StartWith("/account/sign-in");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong()
    {
        using var client = await portal.ClientAsync();

        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = portal.StaffA, ["Input.Password"] = "not the password" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).Find("//div[@role='alert']").Text().Should().Be("The e-mail address or the password is not right. Check both and try again.");
    }

    [Fact]
    public async Task Today_lists_only_the_sessions_of_my_centres_with_their_state()
    {
        using var client = await portal.ClientAsync(portal.StaffA);

        var page = await Html.ParseAsync(await client.GetAsync("/staff/today"));

        var links = page.DocumentNode.SelectNodes("//ul[@class='sessions']//a")!.Select(a => a.GetAttributeValue("href", "")).ToList();
        links.Should().Contain(RosterPage.PathFor(portal.SessionA.Id)).And.NotContain(RosterPage.PathFor(portal.SessionB.Id));
    }

    [Fact]
    public async Task A_roster_of_20_children_is_saved_with_one_submit_and_saving_again_creates_no_duplicates()
    {
        using var client = await portal.ClientAsync(portal.StaffA);
        var path = RosterPage.PathFor(portal.SessionA.Id);
        var marks = portal.ChildrenA.Select((child, i) => (child, status: i % 5 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present))
            .ToDictionary(m => $"mark-{m.child.Id}", m => m.status.ToString());

        var first = await StaffFixture.PostFormAsync(client, path, "roster", new(marks));
        var second = await StaffFixture.PostFormAsync(client, path, "roster", new(marks));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        first.Headers.Location!.OriginalString.Should().EndWith("?saved=16");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var rows = await db.Attendances.Where(a => a.SessionId == portal.SessionA.Id).ToListAsync();
        rows.Should().HaveCount(20);
        rows.Count(a => a.Status == AttendanceStatus.Present).Should().Be(16);
        rows.Should().OnlyContain(a => a.RecordedById != null);
        (await db.Sessions.SingleAsync(s => s.Id == portal.SessionA.Id)).Status.Should().Be(SessionStatus.Held);
        var saved = await Html.ParseAsync(await client.GetAsync(first.Headers.Location.OriginalString));
        saved.Find("//p[@role='status']").Text().Should().Be("Saved: 16 present.");
        saved.DocumentNode.SelectNodes("//input[@type='radio' and @checked]").Should().HaveCount(20);
    }

    [Fact]
    public async Task Staff_of_another_centre_cannot_see_or_record_attendance_and_nothing_is_written()
    {
        using var client = await portal.ClientAsync(portal.StaffB);
        var path = RosterPage.PathFor(portal.SessionA.Id);
        await using var before = portal.NewDb();
        var countBefore = await before.Attendances.CountAsync(a => a.SessionId == portal.SessionA.Id);
        var token = (await Html.ParseAsync(await client.GetAsync("/staff/today"))).AntiforgeryToken();

        var view = await client.GetAsync(path);
        var post = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "roster",
            [$"mark-{portal.ChildrenA[0].Id}"] = "Excused",
        }));

        view.StatusCode.Should().Be(HttpStatusCode.NotFound);
        post.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (await view.Content.ReadAsStringAsync()).Should().NotContain(ParticipantCode.Display(portal.ChildrenA[0].Code));
        await using var after = portal.NewDb();
        (await after.Attendances.CountAsync(a => a.SessionId == portal.SessionA.Id)).Should().Be(countBefore);
        (await after.Attendances.AnyAsync(a => a.SessionId == portal.SessionA.Id && a.Status == AttendanceStatus.Excused)).Should().BeFalse();
    }

    [Fact]
    public async Task Marks_for_children_who_are_not_on_the_roster_are_ignored()
    {
        using var client = await portal.ClientAsync(portal.StaffB);
        await using var db = portal.NewDb();
        var strangerId = portal.ChildrenA[1].Id;

        await StaffFixture.PostFormAsync(client, RosterPage.PathFor(portal.SessionB.Id), "roster", new() { [$"mark-{strangerId}"] = "Present" });

        (await db.Attendances.AnyAsync(a => a.SessionId == portal.SessionB.Id && a.ParticipantId == strangerId)).Should().BeFalse();
    }
}
