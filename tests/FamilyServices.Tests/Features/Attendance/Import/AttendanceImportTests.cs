using System.Net;
using System.Net.Http.Json;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance.Import;

public class AttendanceImportTests(ImportFixture portal) : IClassFixture<ImportFixture>
{
    private sealed record Counts(int Sessions, int Participants, int Enrolments, int Attendances, int Changes);

    private async Task<Counts> CountAsync(params int[] offeringIds)
    {
        await using var db = portal.NewDb();
        return new Counts(
            await db.Sessions.CountAsync(s => offeringIds.Contains(s.OfferingId)),
            await db.Participants.CountAsync(),
            await db.Enrolments.CountAsync(e => offeringIds.Contains(e.OfferingId)),
            await db.Attendances.CountAsync(a => offeringIds.Contains(a.Session.OfferingId)),
            await db.AttendanceChanges.CountAsync());
    }

    [Fact]
    public async Task A_good_file_imports_in_the_centre_time_zone_and_importing_it_again_changes_nothing()
    {
        var offering = await portal.OfferingAsync();
        var known = portal.ChildrenA;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // A session planned beforehand, with one mark already taken on the roster.
        await using (var db = portal.NewDb())
        {
            var startsAt = Schedule.ToUtc(new DateOnly(2026, 10, 7), new TimeOnly(10, 0), berlin);
            var planned = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(90) };
            db.Sessions.Add(planned);
            await db.SaveChangesAsync();
            db.Attendances.Add(new Web.Domain.Attendance { SessionId = planned.Id, ParticipantId = known[0].Id, Status = AttendanceStatus.Absent, RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var newChild = portal.NewCode();
        var code = offering.Code;
        var csv = ImportFixture.Csv(
            $"{code},2026-10-05,10:00,{ParticipantCode.Display(known[0].Code)},,,,present",
            $"{code},2026-10-05,10:00,{known[1].Code.ToLowerInvariant()},,,,absent",
            $"{code},2026-10-05,10:00,{newChild},2021,4,{portal.DistrictA.Code},Present",
            $"{code},2026-11-02,10:00,{newChild},2021,4,{portal.DistrictA.Code},excused",
            $"{code},2026-11-02,10:00,{known[1].Code},,,,present",
            $"{code},2026-10-07,10:00,{known[0].Code},,,,present",
            $"{code},2026-10-07,10:00,{known[0].Code},,,,present");
        var before = await CountAsync(offering.Id);

        var first = await portal.PostCsvAsync(portal.TokenA, csv);

        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<ImportSummary>()).Should().BeEquivalentTo(new ImportSummary(7, 7, 2, 1, []));
        await using (var db = portal.NewDb())
        {
            var sessions = await db.Sessions.Where(s => s.OfferingId == offering.Id).OrderBy(s => s.StartsAt).ToListAsync();
            sessions.Select(s => s.StartsAt).Should().Equal(
                new DateTime(2026, 10, 5, 8, 0, 0, DateTimeKind.Utc),   // summer time, UTC+2
                new DateTime(2026, 10, 7, 8, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));  // winter time, UTC+1
            sessions.Should().OnlyContain(s => s.Status == SessionStatus.Held && s.EndsAt == s.StartsAt.AddMinutes(90));
            var child = await db.Participants.SingleAsync(p => p.Code == newChild);
            (child.BirthYear, child.BirthMonth, child.DistrictId).Should().Be((2021, 4, portal.DistrictA.Id));
            (await db.Enrolments.Where(e => e.OfferingId == offering.Id).Select(e => e.ParticipantId).ToListAsync())
                .Should().BeEquivalentTo([known[0].Id, known[1].Id, child.Id]);
            (await db.Attendances.SingleAsync(a => a.Session.StartsAt == sessions[1].StartsAt && a.Session.OfferingId == offering.Id)).Status
                .Should().Be(AttendanceStatus.Present, "the roster's absent mark is corrected by the file");
            var change = await db.AttendanceChanges.SingleAsync(c => c.SessionId == sessions[1].Id);
            (change.StatusBefore, change.StatusAfter).Should().Be((AttendanceStatus.Absent, AttendanceStatus.Present));
            change.ChangedById.Should().NotBeNull();
        }
        var afterFirst = await CountAsync(offering.Id);
        afterFirst.Should().Be(before with
        {
            // Five new marks, which need no trail entry, and the one correction of the roster's mark, which does.
            Sessions = before.Sessions + 2, Participants = before.Participants + 1, Enrolments = 3, Attendances = 6, Changes = before.Changes + 1,
        });

        var second = await portal.PostCsvAsync(portal.TokenA, csv);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<ImportSummary>()).Should().BeEquivalentTo(new ImportSummary(7, 7, 0, 0, []));
        (await CountAsync(offering.Id)).Should().Be(afterFirst, "the same file again writes no session, child, mark or trail entry");

        var corrected = await portal.PostCsvAsync(portal.TokenA, csv.Replace($"{newChild},2021,4,{portal.DistrictA.Code},excused", $"{newChild},,,,present"));

        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(offering.Id)).Should().Be(afterFirst with { Changes = afterFirst.Changes + 1 }, "only the one changed mark enters the trail");
    }

    [Fact]
    public async Task A_mixed_file_adds_new_marks_corrects_changed_ones_and_keeps_only_the_corrections_in_the_trail()
    {
        var offering = await portal.OfferingAsync();
        var children = portal.ChildrenA;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var rosterTime = new DateTime(2026, 10, 5, 10, 0, 0, DateTimeKind.Utc);
        long sessionId;
        await using (var db = portal.NewDb())
        {
            var startsAt = Schedule.ToUtc(new DateOnly(2026, 10, 5), new TimeOnly(10, 0), berlin);
            var session = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(90), Status = SessionStatus.Held };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
            foreach (var (child, status) in new[] { (0, AttendanceStatus.Absent), (1, AttendanceStatus.Present), (2, AttendanceStatus.Excused) })
            {
                db.Attendances.Add(new Web.Domain.Attendance { SessionId = sessionId, ParticipantId = children[child].Id, Status = status, RecordedAt = rosterTime });
            }
            await db.SaveChangesAsync();
        }
        var newChild = portal.NewCode();
        var code = offering.Code;
        var csv = ImportFixture.Csv(
            $"{code},2026-10-05,10:00,{children[0].Code},,,,present",   // corrected: absent -> present
            $"{code},2026-10-05,10:00,{children[1].Code},,,,present",   // as stored
            $"{code},2026-10-05,10:00,{children[2].Code},,,,absent",    // corrected: excused -> absent
            $"{code},2026-10-05,10:00,{children[3].Code},,,,present",   // new mark in a stored session
            $"{code},2026-10-07,10:00,{newChild},2021,4,{portal.DistrictA.Code},excused"); // new child, new session
        var before = await CountAsync(offering.Id);
        long auditBefore;
        await using (var db = portal.NewDb()) auditBefore = await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;

        var response = await portal.PostCsvAsync(portal.TokenA, csv);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ImportSummary>()).Should().BeEquivalentTo(new ImportSummary(5, 5, 1, 1, []));
        var afterFirst = await CountAsync(offering.Id);
        afterFirst.Should().Be(before with { Sessions = 2, Participants = before.Participants + 1, Enrolments = 5, Attendances = 5, Changes = before.Changes + 2 });
        await using (var db = portal.NewDb())
        {
            var newChildId = (await db.Participants.SingleAsync(p => p.Code == newChild)).Id;
            var marks = await db.Attendances.AsNoTracking().Where(a => a.Session.OfferingId == offering.Id)
                .ToDictionaryAsync(a => a.ParticipantId);
            marks.Values.Select(a => (a.ParticipantId, a.Status)).Should().BeEquivalentTo(new[]
            {
                (children[0].Id, AttendanceStatus.Present), (children[1].Id, AttendanceStatus.Present), (children[2].Id, AttendanceStatus.Absent),
                (children[3].Id, AttendanceStatus.Present), (newChildId, AttendanceStatus.Excused),
            });
            (marks[children[1].Id].RecordedById, marks[children[1].Id].RecordedAt).Should().Be(((string?)null, rosterTime), "an unchanged mark is not written");
            foreach (var written in new[] { children[0].Id, children[2].Id, children[3].Id, newChildId })
            {
                (marks[written].RecordedById, marks[written].RecordedAt).Should().Be((portal.StaffA.Id, ImportFixture.Now.UtcDateTime));
            }
            (await db.AttendanceChanges.AsNoTracking().Where(c => db.Sessions.Any(s => s.Id == c.SessionId && s.OfferingId == offering.Id))
                    .OrderBy(c => c.ParticipantId).Select(c => new { c.SessionId, c.ParticipantId, c.StatusBefore, c.StatusAfter, c.ChangedById, c.ChangedAt })
                    .ToListAsync())
                .Should().Equal(new[]
                {
                    new { SessionId = sessionId, ParticipantId = children[0].Id, StatusBefore = (AttendanceStatus?)AttendanceStatus.Absent, StatusAfter = AttendanceStatus.Present, ChangedById = (string?)portal.StaffA.Id, ChangedAt = ImportFixture.Now.UtcDateTime },
                    new { SessionId = sessionId, ParticipantId = children[2].Id, StatusBefore = (AttendanceStatus?)AttendanceStatus.Excused, StatusAfter = AttendanceStatus.Absent, ChangedById = (string?)portal.StaffA.Id, ChangedAt = ImportFixture.Now.UtcDateTime },
                }.OrderBy(c => c.ParticipantId), "only the two corrections are copied to the trail, each with what it replaced");
            var entry = await db.AuditEvents.AsNoTracking().Where(e => e.Id > auditBefore).SingleAsync();
            entry.Details.Should().Contain("\"recorded\": 2").And.Contain("\"corrected\": 2").And.Contain("\"children\": 4");
        }

        var again = await portal.PostCsvAsync(portal.TokenA, csv);

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(offering.Id)).Should().Be(afterFirst, "the same file again writes no mark and no trail entry");
        await using (var db = portal.NewDb())
        {
            (await db.AuditEvents.CountAsync(e => e.Id > auditBefore)).Should().Be(1, "an import that changes nothing leaves no audit entry");
        }
    }

    [Fact]
    public async Task A_file_of_new_sessions_enrols_each_child_from_its_first_date_and_keeps_an_existing_enrolment()
    {
        var offering = await portal.OfferingAsync();
        var (enrolled, notEnrolled) = (portal.ChildrenA[0], portal.ChildrenA[1]);
        var enrolledOn = new DateOnly(2026, 9, 2);
        await using (var db = portal.NewDb())
        {
            db.Enrolments.Add(new Enrolment { OfferingId = offering.Id, ParticipantId = enrolled.Id, EnrolledOn = enrolledOn });
            await db.SaveChangesAsync();
        }
        var newChild = portal.NewCode();
        var code = offering.Code;
        var marks = new[]
        {
            (Child: enrolled.Code, Date: new DateOnly(2026, 10, 12), Details: ",,"),
            (Child: enrolled.Code, Date: new DateOnly(2026, 10, 7), Details: ",,"),
            (Child: notEnrolled.Code, Date: new DateOnly(2026, 10, 14), Details: ",,"),
            (Child: notEnrolled.Code, Date: new DateOnly(2026, 10, 7), Details: ",,"),
            (Child: newChild, Date: new DateOnly(2026, 10, 12), Details: $"2021,4,{portal.DistrictA.Code}"),
        };
        var csv = ImportFixture.Csv(marks.Select(m => $"{code},{m.Date:yyyy-MM-dd},10:00,{m.Child},{m.Details},present").ToArray());
        var before = await CountAsync(offering.Id);

        var response = await portal.PostCsvAsync(portal.TokenA, csv);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var newDates = marks.Select(m => m.Date).Distinct().Count();
        (await response.Content.ReadFromJsonAsync<ImportSummary>()).Should().BeEquivalentTo(new ImportSummary(marks.Length, marks.Length, newDates, 1, []));
        await using (var db = portal.NewDb())
        {
            var newChildId = (await db.Participants.SingleAsync(p => p.Code == newChild)).Id;
            (await db.Enrolments.Where(e => e.OfferingId == offering.Id).Select(e => new { e.ParticipantId, e.EnrolledOn }).ToListAsync())
                .Should().BeEquivalentTo(new[]
                {
                    new { ParticipantId = enrolled.Id, EnrolledOn = enrolledOn },
                    new { ParticipantId = notEnrolled.Id, EnrolledOn = marks.Where(m => m.Child == notEnrolled.Code).Min(m => m.Date) },
                    new { ParticipantId = newChildId, EnrolledOn = marks.Single(m => m.Child == newChild).Date },
                }, "an existing enrolment keeps its date; a new one starts at the child's first date in the file");
        }
        (await CountAsync(offering.Id)).Should().Be(before with
        {
            Sessions = newDates, Participants = before.Participants + 1, Enrolments = 3, Attendances = marks.Length,
        }, "every mark of a new session is new, and new marks enter no trail");
    }

    [Fact]
    public async Task Importing_a_file_again_with_one_mark_changed_records_exactly_that_correction()
    {
        var offering = await portal.OfferingAsync();
        var newChild = portal.NewCode();
        var code = offering.Code;
        string Line(string child, string date, string details, string status) => $"{code},{date},10:00,{child},{details},{status}";
        var lines = new[]
        {
            Line(portal.ChildrenA[0].Code, "2026-10-05", ",,", "present"),
            Line(portal.ChildrenA[1].Code, "2026-10-05", ",,", "absent"),
            Line(newChild, "2026-10-05", $"2021,4,{portal.DistrictA.Code}", "present"),
            Line(newChild, "2026-10-07", $"2021,4,{portal.DistrictA.Code}", "excused"),
        };
        var first = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(lines));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var afterFirst = await CountAsync(offering.Id);
        var changed = lines.ToArray();
        changed[3] = Line(newChild, "2026-10-07", $"2021,4,{portal.DistrictA.Code}", "present");

        var again = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(changed));

        again.StatusCode.Should().Be(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await CountAsync(offering.Id)).Should().Be(afterFirst with { Changes = afterFirst.Changes + 1 });
        await using var db = portal.NewDb();
        var newChildId = (await db.Participants.SingleAsync(p => p.Code == newChild)).Id;
        var session = await db.Sessions.SingleAsync(s => s.OfferingId == offering.Id && s.StartsAt == new DateTime(2026, 10, 7, 8, 0, 0, DateTimeKind.Utc));
        (await db.AttendanceChanges.AsNoTracking().Where(c => db.Sessions.Any(s => s.Id == c.SessionId && s.OfferingId == offering.Id))
                .Select(c => new { c.SessionId, c.ParticipantId, c.StatusBefore, c.StatusAfter, c.ChangedById }).ToListAsync())
            .Should().Equal(new { SessionId = session.Id, ParticipantId = newChildId, StatusBefore = (AttendanceStatus?)AttendanceStatus.Excused,
                StatusAfter = AttendanceStatus.Present, ChangedById = (string?)portal.StaffA.Id });
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == newChildId)).Status.Should().Be(AttendanceStatus.Present);
    }

    [Fact]
    public async Task A_new_child_given_with_different_details_on_two_lines_is_reported_on_each_of_them()
    {
        var offering = await portal.OfferingAsync();
        var (code, district) = (offering.Code, portal.DistrictA.Code);
        var (twice, incomplete) = (portal.NewCode(), portal.NewCode());
        var csv = ImportFixture.Csv(
            $"{code},2026-10-05,10:00,{twice},2021,4,{district},present",   // 2
            $"{code},2026-10-07,10:00,{twice},2021,5,{district},present",   // 3: another birth month
            $"{code},2026-10-05,10:00,{incomplete},2021,4,{district},present", // 4: fine
            $"{code},2026-10-07,10:00,{incomplete},,4,{district},present");    // 5: no birth year, which is no second value
        var before = await CountAsync(offering.Id);

        var response = await portal.PostCsvAsync(portal.TokenA, csv);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var conflict = $"New participant \"{twice}\" is given with a different birth year, birth month or district on another line.";
        (await response.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Should().Equal(
            new ImportError(2, conflict),
            new ImportError(3, conflict),
            new ImportError(5, $"Participant \"{incomplete}\" is new: birth_year, birth_month and district_code are required."));
        (await CountAsync(offering.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_written()
    {
        var offering = await portal.OfferingAsync();
        var code = offering.Code;
        var known = portal.ChildrenA[2].Code;
        var csv = ImportFixture.Csv(
            $"NO-SUCH-OFFER,2026-10-05,10:00,{known},,,,present",                          // 2
            $"{code},2026-02-30,10:00,{known},,,,present",                                  // 3
            $"{code},2026-10-05,25:00,{known},,,,present",                                  // 4
            $"{code},2027-01-04,10:00,{known},,,,present",                                  // 5
            $"{code},2026-10-05,10:00,{portal.NewCode()},,,,present",                       // 6
            $"{code},2026-10-05,10:00,KX7M-4QRB,2021,4,{portal.DistrictA.Code},present",    // 7
            $"{code},2026-10-05,10:00,{portal.NewCode()},2021,13,{portal.DistrictA.Code},present", // 8
            $"{code},2026-10-05,10:00,{portal.NewCode()},1890,4,{portal.DistrictA.Code},present",  // 9
            $"{code},2026-10-05,10:00,{portal.NewCode()},2021,4,NOWHERE,present",           // 10
            $"{code},2026-10-05,10:00,{portal.ChildrenA[3].Code},,,,late",                  // 11
            $"{code},2026-10-12,10:00,{known},,,,present",                                  // 12
            $"{code},2026-10-12,10:00,{known},,,,absent",                                   // 13
            $"{code},2026-10-14,10:00,{known},,,,present");                                 // 14: fine
        var before = await CountAsync(offering.Id);

        var response = await portal.PostCsvAsync(portal.TokenA, csv);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        (summary.RowsRead, summary.RowsImported, summary.SessionsCreated, summary.ParticipantsCreated).Should().Be((13, 0, 0, 0));
        summary.Errors.Select(e => e.Line).Should().Equal(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        string Message(int line) => summary.Errors.Single(e => e.Line == line).Message;
        Message(2).Should().Be("Unknown offering code \"NO-SUCH-OFFER\".");
        Message(3).Should().Be("Session date \"2026-02-30\" is not a date in the form YYYY-MM-DD.");
        Message(4).Should().Be("Start time \"25:00\" is not a time in the form HH:MM.");
        Message(5).Should().Be($"Offering \"{code}\" has no session on 2027-01-04 at 10:00, and that date is outside its period (2026-09-01 to 2026-12-18).");
        Message(6).Should().EndWith("is new: birth_year, birth_month and district_code are required.");
        Message(7).Should().Be("Participant code \"KX7M-4QRB\" is not known here and is not a valid new code (8 characters, e.g. KX7M-4QRA).");
        Message(8).Should().Be("Birth month \"13\" must be a number from 1 to 12.");
        Message(9).Should().StartWith("Birth year \"1890\" must be a year from 1990 to ");
        Message(10).Should().Be("Unknown district code \"NOWHERE\".");
        Message(11).Should().Be("Status \"late\" must be present, absent or excused.");
        Message(12).Should().Be($"Participant \"{known}\" appears more than once for this session with different statuses.");
        Message(13).Should().Be(Message(12));
        (await CountAsync(offering.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_however_many_there_are()
    {
        var offering = await portal.OfferingAsync();
        var csv = portal.ManyBadRows(offering.Code, 1_500);
        var before = await CountAsync(offering.Id);

        var response = await portal.PostCsvAsync(portal.TokenA, csv);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        (summary.RowsRead, summary.RowsImported).Should().Be((1_500, 0));
        summary.Errors.Should().HaveCount(1_500, "one problem on each of the 1,500 rows, and no \"… and N more\" line");
        summary.Errors.Select(e => e.Line).Should().Equal(Enumerable.Range(2, 1_500).Select(line => (long)line));
        summary.Errors.Where(e => e.Line % 2 == 0).Should().OnlyContain(e => e.Message == "Unknown offering code \"NO-SUCH-OFFER\".");
        summary.Errors.Where(e => e.Line % 2 == 1).Should().OnlyContain(e => e.Message == "Status \"late\" must be present, absent or excused.");
        (await CountAsync(offering.Id)).Should().Be(before);
    }

    [Fact]
    public async Task A_broken_header_or_line_is_reported_with_its_line()
    {
        var offering = await portal.OfferingAsync();

        var header = await portal.PostCsvAsync(portal.TokenA, "offering,date\n");
        var line = await portal.PostCsvAsync(portal.TokenA, ImportFixture.Csv(
            $"{offering.Code},2026-10-05,10:00,{portal.ChildrenA[0].Code},,,,present", $"{offering.Code},2026-10-05,10:00"));
        var empty = await portal.PostCsvAsync(portal.TokenA, "");

        header.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await header.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Single().Line.Should().Be(1);
        line.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await line.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Single();
        error.Line.Should().Be(3);
        error.Message.Should().StartWith("The line must have exactly 8 comma-separated values");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an empty file has no rows");
        (await CountAsync(offering.Id)).Sessions.Should().Be(0);
    }

    [Fact]
    public async Task Staff_of_another_centre_get_403_and_nothing_is_written()
    {
        var offering = await portal.OfferingAsync();
        var before = await CountAsync(offering.Id);
        var csv = ImportFixture.Csv($"{offering.Code},2026-10-05,10:00,{portal.NewCode()},2021,4,{portal.DistrictA.Code},present");

        var response = await portal.PostCsvAsync(portal.TokenB, csv);
        var anonymous = await portal.PostCsvAsync("fs_not-a-token", csv);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ImportSummary>())!.Errors.Single().Should()
            .Be(new ImportError(2, $"Offering \"{offering.Code}\" belongs to a centre you do not work for."));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await CountAsync(offering.Id)).Should().Be(before);
    }

    [Fact]
    public async Task The_api_wants_csv()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", portal.TokenA);

        var response = await client.PostAsync("/api/v1/attendance/import", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }
}
