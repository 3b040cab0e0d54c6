using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Offerings;

/// <summary>
/// Offerings: centre staff create and edit their own centres' offerings, only editors publish; saving a schedule
/// generates its future sessions and never removes a session with something recorded.
/// </summary>
public class OfferingEditorTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>A Monday at least two weeks ahead, so every meeting of the test schedules is in the future.</summary>
    private static DateOnly Monday()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin)).AddDays(14);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Fields(int centreId, DateOnly from, DateOnly to, string[] weekdays, string excluded = "", string? version = null, string status = "Scheduled", string note = "")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("code", ""), new("centreId", centreId.ToString(CultureInfo.InvariantCulture)), new("roomId", ""), new("capacity", "12"),
            new("onlineUrl", ""), new("kind", "Weekly"), new("startDate", Iso(from)), new("endDate", Iso(to)),
            new("startTime", "15:00"), new("endTime", "16:30"), new("extraDates", ""), new("excludedDates", excluded),
            new("status", status), new("statusNote", note), new("noticeUntil", ""), new("publishFrom", ""), new("publishUntil", ""),
            new("version", version ?? ""),
        };
        fields.AddRange(weekdays.Select(day => new KeyValuePair<string, string>("weekdays", day)));
        return fields;
    }

    [Fact]
    public async Task Centre_staff_create_a_weekly_offering_at_their_centre_and_its_sessions_are_generated()
    {
        var programme = await portal.ProgrammeAsync();
        var monday = Monday();
        var holiday = monday.AddDays(8); // the second Tuesday
        using var staff = await portal.ClientAsync(portal.StaffA);

        var response = await EditorFixture.PostAsync(staff, OfferingEditPage.NewPathFor(programme.Id), "offering",
            Fields(portal.CentreA.Id, monday, monday.AddDays(27), ["Tuesday", "Thursday"], excluded: Iso(holiday)));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().Contain("done=created&added=7&removed=0", "8 meetings in four weeks, less the holiday");
        await using var db = portal.NewDb();
        var offering = await db.Offerings.AsNoTracking().Include(o => o.Sessions).SingleAsync(o => o.ProgrammeId == programme.Id && o.Capacity == 12);
        offering.CentreId.Should().Be(portal.CentreA.Id);
        offering.PublicationState.Should().Be(PublicationState.Draft, "only editors publish");
        offering.Code.Should().Be($"{programme.Code}-01");
        offering.Schedule.ExcludedDates.Should().Equal(holiday);
        var meetings = offering.Sessions.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, Berlin)).Order().ToList();
        meetings.Should().HaveCount(7).And.OnlyContain(m => m.Hour == 15 && (m.DayOfWeek == DayOfWeek.Tuesday || m.DayOfWeek == DayOfWeek.Thursday));
        meetings.Select(DateOnly.FromDateTime).Should().NotContain(holiday);
        offering.Sessions.Should().OnlyContain(s => s.Status == SessionStatus.Scheduled && s.EndsAt - s.StartsAt == TimeSpan.FromMinutes(90));
        var created = await db.CatalogueChanges.SingleAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id);
        created.Action.Should().Be("Created");
        (await db.Users.SingleAsync(u => u.Id == created.ChangedById)).Email.Should().Be(portal.StaffA);
        var history = await EditorFixture.PageAsync(staff, OfferingHistoryPage.PathFor(offering.Id));
        history.Find("//dd[preceding-sibling::dt[1][.='Centre']]").Text().Should().Be($"– → {portal.CentreA.Name}", "ids are shown by name");
        history.Find("//dd[preceding-sibling::dt[1][.='Days of the week']]").Text().Should().Be("– → Tuesday, Thursday");
    }

    [Fact]
    public async Task Centre_staff_cannot_place_an_offering_at_another_centre_nor_see_its_offerings()
    {
        var programme = await portal.ProgrammeAsync();
        var offeringOfA = await OfferingIdAsync(programme.Id);
        using var staffA = await portal.ClientAsync(portal.StaffA);
        using var staffB = await portal.ClientAsync(portal.StaffB);
        var monday = Monday();

        var elsewhere = await EditorFixture.PostAsync(staffA, OfferingEditPage.NewPathFor(programme.Id), "offering", Fields(portal.CentreB.Id, monday, monday.AddDays(6), ["Monday"]));
        elsewhere.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await staffB.GetAsync(OfferingEditPage.PathFor(offeringOfA))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staffB.GetAsync(OfferingHistoryPage.PathFor(offeringOfA))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staffB.GetAsync(OfferingEditPage.NewPathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound, "the programme does not run at centre B");
        var moved = Fields(portal.CentreB.Id, monday, monday.AddDays(6), ["Monday"], version: "1");
        var offeringPost = await EditorFixture.PostAsync(staffB, OfferingEditPage.PathFor(offeringOfA), "offering", moved, tokenFrom: "/editor/programmes");
        offeringPost.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        var step = await EditorFixture.PostAsync(staffB, OfferingEditPage.PathFor(offeringOfA), "workflow",
            new Dictionary<string, string> { ["step"] = "SendToReview", ["version"] = "1" }, tokenFrom: "/editor/programmes");
        step.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);

        await using var db = portal.NewDb();
        (await db.Offerings.CountAsync(o => o.ProgrammeId == programme.Id)).Should().Be(1, "nothing was created");
        var stored = await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == offeringOfA);
        stored.CentreId.Should().Be(portal.CentreA.Id);
        stored.PublicationState.Should().Be(PublicationState.Draft);
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Offering" && c.ItemId == offeringOfA)).Should().Be(0);
    }

    [Fact]
    public async Task Centre_staff_send_an_offering_to_review_and_only_an_editor_publishes_it()
    {
        var programme = await portal.ProgrammeAsync();
        var path = OfferingEditPage.PathFor(await OfferingIdAsync(programme.Id));
        using var staff = await portal.ClientAsync(portal.StaffA);
        using var editor = await portal.ClientAsync(portal.Editor);

        (await EditorFixture.StepAsync(staff, path, "SendToReview")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(staff, path, "Publish")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.InReview);

        (await EditorFixture.StepAsync(editor, path, "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Published);
        (await EditorFixture.StepAsync(staff, path, "Archive")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Published);
    }

    [Fact]
    public async Task A_new_schedule_adds_missing_sessions_removes_unused_ones_and_keeps_what_was_recorded()
    {
        var programme = await portal.ProgrammeAsync();
        var offeringId = await OfferingIdAsync(programme.Id);
        var path = OfferingEditPage.PathFor(offeringId);
        var monday = Monday();
        using var editor = await portal.ClientAsync(portal.Editor);
        var version = EditorFixture.Version(await EditorFixture.PageAsync(editor, path), "offering");
        (await EditorFixture.PostAsync(editor, path, "offering", Fields(portal.CentreA.Id, monday, monday.AddDays(13), ["Tuesday"], version: version)))
            .Headers.Location!.PathAndQuery.Should().Contain("added=2&removed=0");

        long recordedId;
        await using (var db = portal.NewDb())
        {
            var sessions = await db.Sessions.Where(s => s.OfferingId == offeringId).OrderBy(s => s.StartsAt).ToListAsync();
            recordedId = sessions[0].Id;
            var child = new Participant { Code = ParticipantCode.Create(new Random(7)), BirthYear = 2021, BirthMonth = 3, DistrictId = portal.CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            db.Participants.Add(child);
            await db.SaveChangesAsync();
            db.Attendances.Add(new FamilyServices.Web.Domain.Attendance { SessionId = recordedId, ParticipantId = child.Id, Status = AttendanceStatus.Present, RecordedAt = DateTime.UtcNow });
            db.Sessions.Add(new Session { OfferingId = offeringId, StartsAt = DateTime.UtcNow.AddDays(-7), EndsAt = DateTime.UtcNow.AddDays(-7).AddHours(1), Status = SessionStatus.Held });
            await db.SaveChangesAsync();
        }

        version = EditorFixture.Version(await EditorFixture.PageAsync(editor, path), "offering");
        var response = await EditorFixture.PostAsync(editor, path, "offering", Fields(portal.CentreA.Id, monday, monday.AddDays(13), ["Thursday"], version: version));

        response.Headers.Location!.PathAndQuery.Should().Contain("added=2&removed=1", "the Tuesday with attendance stays");
        await using var check = portal.NewDb();
        var future = await check.Sessions.Where(s => s.OfferingId == offeringId && s.StartsAt > DateTime.UtcNow).OrderBy(s => s.StartsAt).ToListAsync();
        future.Select(s => (s.Id == recordedId, TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, Berlin).DayOfWeek)).Should()
            .Equal((true, DayOfWeek.Tuesday), (false, DayOfWeek.Thursday), (false, DayOfWeek.Thursday));
        (await check.Attendances.CountAsync(a => a.SessionId == recordedId)).Should().Be(1, "attendance is never deleted");
        (await check.Sessions.CountAsync(s => s.OfferingId == offeringId && s.StartsAt < DateTime.UtcNow)).Should().Be(1, "the past is never touched");
    }

    [Fact]
    public async Task Cancelling_an_offering_needs_a_note_and_cancels_its_future_sessions_until_it_runs_again()
    {
        var programme = await portal.ProgrammeAsync();
        var offeringId = await OfferingIdAsync(programme.Id);
        var path = OfferingEditPage.PathFor(offeringId);
        var monday = Monday();
        using var staff = await portal.ClientAsync(portal.StaffA);
        async Task<HttpResponseMessage> SaveAsync(string status, string note) => await EditorFixture.PostAsync(staff, path, "offering",
            Fields(portal.CentreA.Id, monday, monday.AddDays(13), ["Wednesday"], version: EditorFixture.Version(await EditorFixture.PageAsync(staff, path), "offering"), status: status, note: note));

        var withoutNote = await SaveAsync("Cancelled", "");
        withoutNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(withoutNote)).Find("//p[@id='statusNote-error']").Text().Should().Be("Say why it is cancelled: parents see this note.");

        (await SaveAsync("Cancelled", "Die Kursleiterin ist krank.")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SessionStatesAsync(offeringId)).Should().Equal((SessionStatus.Cancelled, "Die Kursleiterin ist krank."), (SessionStatus.Cancelled, "Die Kursleiterin ist krank."));

        (await SaveAsync("Scheduled", "")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SessionStatesAsync(offeringId)).Should().Equal((SessionStatus.Scheduled, null), (SessionStatus.Scheduled, null));
    }

    [Fact]
    public async Task The_second_of_two_people_saving_an_offering_is_refused_and_keeps_their_input()
    {
        var programme = await portal.ProgrammeAsync();
        var offeringId = await OfferingIdAsync(programme.Id);
        var path = OfferingEditPage.PathFor(offeringId);
        var monday = Monday();
        using var staff = await portal.ClientAsync(portal.StaffA);
        using var editor = await portal.ClientAsync(portal.Editor);
        var staffVersion = EditorFixture.Version(await EditorFixture.PageAsync(staff, path), "offering");
        var editorVersion = EditorFixture.Version(await EditorFixture.PageAsync(editor, path), "offering");

        (await EditorFixture.PostAsync(editor, path, "offering", Fields(portal.CentreA.Id, monday, monday.AddDays(6), ["Friday"], version: editorVersion)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await EditorFixture.PostAsync(staff, path, "offering", Fields(portal.CentreA.Id, monday, monday.AddDays(6), ["Monday"], version: staffVersion));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(refused);
        page.Find("//div[@class='error-summary']").Text().Should().Contain("Erika Editor").And.Contain("your changes were not saved");
        page.Find("//input[@id='weekday-Monday']").GetAttributeValue("checked", null).Should().NotBeNull("the staff member's input is kept");
        page.Find("//input[@id='weekday-Friday']").GetAttributeValue("checked", null).Should().BeNull();
        await using var db = portal.NewDb();
        (await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == offeringId)).Schedule.Weekdays.Should().Be(Weekdays.Friday);
        (await db.Sessions.CountAsync(s => s.OfferingId == offeringId)).Should().Be(1, "only the editor's Friday");
    }

    [Fact]
    public async Task Centre_staff_read_their_offerings_history()
    {
        var programme = await portal.ProgrammeAsync();
        var offeringId = await OfferingIdAsync(programme.Id);
        using var staff = await portal.ClientAsync(portal.StaffA);
        (await EditorFixture.StepAsync(staff, OfferingEditPage.PathFor(offeringId), "SendToReview")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await EditorFixture.PageAsync(staff, OfferingHistoryPage.PathFor(offeringId));

        var entry = page.Find("//ol[@class='history']/li");
        entry.Text().Should().StartWith("Sent to review").And.Contain("Anna Zentrum A");
        entry.Find(".//dt").Text().Should().Be("Publication state");
        entry.Find(".//dd").Text().Should().Be("Draft → In review", "states are shown in the UI language, not as stored");
    }

    private async Task<int> OfferingIdAsync(int programmeId)
    {
        await using var db = portal.NewDb();
        return await db.Offerings.Where(o => o.ProgrammeId == programmeId).Select(o => o.Id).SingleAsync();
    }

    private async Task<PublicationState> StateAsync(int programmeId)
    {
        await using var db = portal.NewDb();
        return await db.Offerings.Where(o => o.ProgrammeId == programmeId).Select(o => o.PublicationState).SingleAsync();
    }

    private async Task<List<(SessionStatus, string?)>> SessionStatesAsync(int offeringId)
    {
        await using var db = portal.NewDb();
        return (await db.Sessions.Where(s => s.OfferingId == offeringId).OrderBy(s => s.StartsAt).Select(s => new { s.Status, s.CancellationReason }).ToListAsync())
            .Select(s => (s.Status, s.CancellationReason)).ToList();
    }
}
