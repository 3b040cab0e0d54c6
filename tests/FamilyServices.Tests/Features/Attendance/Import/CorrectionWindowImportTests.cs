using System.Net;
using System.Net.Http.Json;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance.Import;

/// <summary>
/// The roster's correction window holds for imports too: 14 days after a session ended, ordinary staff may no longer
/// record or change its attendance, not even through a file; the centre's coordinators and Admins still may. The
/// importer's clock stands at <see cref="ImportFixture.Now"/> (10 October 2026).
/// </summary>
public class CorrectionWindowImportTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private const string ClosedDate = "2026-09-21"; // a Monday; the session ended at 11:30 Berlin time, 19 days before "now"
    private const string OpenDate = "2026-10-05";   // a Monday, 5 days before "now"

    private static string ClosedMessage(string date) =>
        $"The session on {date} at 10:00 ended more than 14 days ago; only a coordinator of the centre can record or change its attendance.";

    private sealed record State(int Sessions, int Attendances, int Changes, AttendanceStatus? Status);

    /// <summary>An offering with a held session on <paramref name="date"/> and, when given, one stored mark for child 0.</summary>
    private async Task<(Offering Offering, Session Session)> SessionAsync(string date, AttendanceStatus? stored)
    {
        var offering = await portal.OfferingAsync();
        await using var db = portal.NewDb();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var startsAt = Schedule.ToUtc(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(10, 0), berlin);
        var session = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(90), Status = SessionStatus.Held };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        if (stored is { } status)
        {
            db.Attendances.Add(new Web.Domain.Attendance { SessionId = session.Id, ParticipantId = portal.ChildrenA[0].Id, Status = status, RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return (offering, session);
    }

    private async Task<State> StateAsync(Offering offering)
    {
        await using var db = portal.NewDb();
        var childId = portal.ChildrenA[0].Id;
        return new State(
            await db.Sessions.CountAsync(s => s.OfferingId == offering.Id),
            await db.Attendances.CountAsync(a => a.Session.OfferingId == offering.Id),
            await db.AttendanceChanges.CountAsync(c => db.Sessions.Any(s => s.Id == c.SessionId && s.OfferingId == offering.Id)),
            await db.Attendances.Where(a => a.Session.OfferingId == offering.Id && a.ParticipantId == childId).Select(a => (AttendanceStatus?)a.Status).SingleOrDefaultAsync());
    }

    private string Row(Offering offering, string date, string status, int child = 0) =>
        $"{offering.Code},{date},10:00,{portal.ChildrenA[child].Code},,,,{status}";

    [Fact]
    public async Task Staff_cannot_import_a_new_mark_for_a_session_past_the_correction_window()
    {
        var (offering, _) = await SessionAsync(ClosedDate, stored: null);
        var before = await StateAsync(offering);

        // Line 3 names a session that does not exist yet, on a date as old: creating it would write as well.
        var response = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(
            Row(offering, ClosedDate, "present"),
            Row(offering, "2026-09-23", "absent", child: 1),
            Row(offering, OpenDate, "present", child: 2)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Should().Equal(
            new ImportError(2, ClosedMessage(ClosedDate)),
            new ImportError(3, ClosedMessage("2026-09-23")));
        (await StateAsync(offering)).Should().Be(before, "nothing of the file is written, not even its good line");
    }

    [Fact]
    public async Task Staff_cannot_change_a_stored_mark_after_the_correction_window()
    {
        var (offering, _) = await SessionAsync(ClosedDate, AttendanceStatus.Absent);
        var before = await StateAsync(offering);

        var response = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(Row(offering, ClosedDate, "present")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Should().Equal(new ImportError(2, ClosedMessage(ClosedDate)));
        (await StateAsync(offering)).Should().Be(before with { Status = AttendanceStatus.Absent });
    }

    [Fact]
    public async Task Reimporting_unchanged_marks_after_the_correction_window_is_a_quiet_no_op()
    {
        var (offering, _) = await SessionAsync(ClosedDate, AttendanceStatus.Present);
        var before = await StateAsync(offering);

        // The same mark, written as a person might: another case, the code with its hyphen.
        var response = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(
            $"{offering.Code},{ClosedDate},10:00,{ParticipantCode.Display(portal.ChildrenA[0].Code)},,,,PRESENT"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ImportSummary>()).Should().BeEquivalentTo(new ImportSummary(1, 1, 0, 0, []));
        (await StateAsync(offering)).Should().Be(before with { Status = AttendanceStatus.Present }, "nothing changed, so nothing is written");
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("admin")]
    public async Task A_coordinator_of_the_centre_or_an_Admin_may_import_after_the_correction_window(string who)
    {
        var (offering, session) = await SessionAsync(ClosedDate, AttendanceStatus.Absent);
        var (token, userId) = who == "coordinator" ? (portal.TokenCoordinatorA, portal.CoordinatorA.Id) : (portal.TokenAdmin, portal.Admin.Id);

        var response = await portal.PostCsvAsync(token, ImportFixture.Csv(
            Row(offering, ClosedDate, "present"),
            Row(offering, ClosedDate, "excused", child: 1)));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await StateAsync(offering)).Should().Be(new State(1, 2, 1, AttendanceStatus.Present), "the new mark needs no trail entry, the correction has one");
        await using var db = portal.NewDb();
        (await db.AttendanceChanges.Where(c => c.SessionId == session.Id).OrderBy(c => c.ParticipantId)
                .Select(c => new { c.ParticipantId, c.StatusBefore, c.StatusAfter, c.ChangedById }).ToListAsync())
            .Should().BeEquivalentTo(new[]
            {
                new { ParticipantId = portal.ChildrenA[0].Id, StatusBefore = (AttendanceStatus?)AttendanceStatus.Absent, StatusAfter = AttendanceStatus.Present, ChangedById = (string?)userId },
            }, options => options.WithStrictOrdering());
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == portal.ChildrenA[1].Id))
            .Should().Match<Web.Domain.Attendance>(a => a.Status == AttendanceStatus.Excused && a.RecordedById == userId);
    }

    [Fact]
    public async Task Staff_may_import_for_a_session_inside_the_correction_window()
    {
        var (offering, _) = await SessionAsync(OpenDate, AttendanceStatus.Absent);

        var response = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(
            Row(offering, OpenDate, "present"),
            Row(offering, OpenDate, "present", child: 1)));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await StateAsync(offering)).Should().Be(new State(1, 2, 1, AttendanceStatus.Present));
    }
}
