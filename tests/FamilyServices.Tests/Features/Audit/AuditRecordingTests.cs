using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>Each place that shows, changes or exports children's data writes exactly one entry; a refused or failed change none.</summary>
public sealed class AuditRecordingTests(AuditFixture portal) : IClassFixture<AuditFixture>
{
    private string StaffId => portal.Ids[AuditFixture.Staff];

    [Fact]
    public async Task Opening_a_roster_records_who_saw_which_children_of_which_centre()
    {
        var session = await portal.SessionAsync();
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var before = await portal.LastEntryIdAsync();

        (await client.GetAsync(RosterPage.PathFor(session.Id))).StatusCode.Should().Be(HttpStatusCode.OK);

        var entry = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.RosterViewed);
        entry.ActorId.Should().Be(StaffId);
        entry.CentreId.Should().Be(portal.CentreA.Id);
        await using var db = portal.NewDb();
        var enrolled = await db.Enrolments.Where(e => e.OfferingId == portal.OfferingA.Id).Select(e => e.ParticipantId).ToListAsync();
        var expected = new List<string>();
        foreach (var id in enrolled) expected.Add(await portal.PseudonymAsync(id));
        entry.Subjects.Should().BeEquivalentTo(expected).And.Contain(await PseudonymsAsync(portal.ChildrenA));
        entry.Details.Should().Contain($"\"sessionId\": {session.Id}");
        entry.CorrelationId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Saving_a_roster_records_the_new_marks_once_and_saving_the_same_again_records_nothing()
    {
        var session = await portal.SessionAsync();
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var marked = portal.ChildrenA.Take(3).ToList();
        var fields = marked.ToDictionary(c => $"mark-{c.Id}", _ => "Present");
        var before = await portal.LastEntryIdAsync();

        (await StaffFixture.PostFormAsync(client, RosterPage.PathFor(session.Id), "roster", new(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var written = (await portal.EntriesAfterAsync(before)).Where(e => e.Action != AuditAction.RosterViewed).ToList();
        var entry = written.Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.AttendanceRecorded);
        entry.ActorId.Should().Be(StaffId);
        entry.CentreId.Should().Be(portal.CentreA.Id);
        entry.Subjects.Should().BeEquivalentTo(await PseudonymsAsync(marked));

        var again = await portal.LastEntryIdAsync();
        (await StaffFixture.PostFormAsync(client, RosterPage.PathFor(session.Id), "roster", new(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.EntriesAfterAsync(again)).Should().OnlyContain(e => e.Action == AuditAction.RosterViewed, "the same marks change nothing");
    }

    [Fact]
    public async Task Changing_a_mark_with_a_single_tick_records_a_correction_of_that_child_only()
    {
        var session = await portal.SessionAsync();
        var child = portal.ChildrenA[4];
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var token = (await Html.ParseAsync(await client.GetAsync(RosterPage.PathFor(session.Id)))).AntiforgeryToken();
        Task<HttpResponseMessage> TickAsync(string status) => client.PostAsync(SingleMarkEndpoint.PathFor(session.Id, child.Id),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["status"] = status }));
        (await TickAsync("Absent")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var before = await portal.LastEntryIdAsync();

        (await TickAsync("Present")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var entry = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.AttendanceCorrected);
        entry.ActorId.Should().Be(StaffId);
        entry.Subjects.Should().Equal(await portal.PseudonymAsync(child.Id));
    }

    [Fact]
    public async Task Registering_a_child_with_a_nickname_records_the_registration_the_nickname_and_the_first_mark_once_each()
    {
        var session = await portal.SessionAsync();
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var before = await portal.LastEntryIdAsync();

        var response = await StaffFixture.PostFormAsync(client, RosterPage.PathFor(session.Id), "add-child", new()
        {
            ["birthYear"] = "2022", ["birthMonth"] = "3", ["districtId"] = portal.DistrictA.Id.ToString(CultureInfo.InvariantCulture),
            ["nickname"] = "Lotta Registered", ["consent"] = "true",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var childId = await db.ParticipantNicknames.Where(n => n.Nickname == "Lotta Registered").Select(n => n.ParticipantId).SingleAsync();
        var pseudonym = await portal.PseudonymAsync(childId);
        var written = (await portal.EntriesAfterAsync(before)).Where(e => e.Action != AuditAction.RosterViewed).ToList();
        written.Select(e => e.Action).Should().BeEquivalentTo([AuditAction.ParticipantRegistered, AuditAction.NicknameChanged, AuditAction.AttendanceRecorded]);
        written.Should().OnlyContain(e => e.ActorId == StaffId && e.CentreId == portal.CentreA.Id && e.Subjects.SequenceEqual(new[] { pseudonym }));
        written.Should().OnlyContain(e => e.Details == null || !e.Details.Contains("Lotta"), "the trail never holds a nickname");
        written.Select(e => e.CorrelationId).Distinct().Should().ContainSingle("one request made them");
    }

    [Fact]
    public async Task Adding_a_known_child_again_with_the_same_nickname_records_no_nickname_change()
    {
        var session = await portal.SessionAsync();
        var child = portal.ChildrenA[9];
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var fields = new Dictionary<string, string> { ["code"] = child.Code, ["nickname"] = "Bo Known" };
        (await StaffFixture.PostFormAsync(client, RosterPage.PathFor(session.Id), "add-existing", new(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await portal.SessionAsync();
        var before = await portal.LastEntryIdAsync();

        (await StaffFixture.PostFormAsync(client, RosterPage.PathFor(second.Id), "add-existing", new(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var written = (await portal.EntriesAfterAsync(before)).Where(e => e.Action != AuditAction.RosterViewed).ToList();
        written.Should().ContainSingle().Which.Action.Should().Be(AuditAction.AttendanceRecorded);
    }

    [Fact]
    public async Task Refused_changes_record_nothing()
    {
        var closed = await portal.SessionAsync(daysAgo: 30);
        var open = await portal.SessionAsync();
        using var client = await portal.ClientAsync(AuditFixture.Staff);
        var token = (await Html.ParseAsync(await client.GetAsync(RosterPage.PathFor(open.Id)))).AntiforgeryToken();
        var before = await portal.LastEntryIdAsync();

        var late = await client.PostAsync(SingleMarkEndpoint.PathFor(closed.Id, portal.ChildrenA[0].Id),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["status"] = "Present" }));
        var noConsent = await StaffFixture.PostFormAsync(client, RosterPage.PathFor(open.Id), "add-child", new()
        {
            ["birthYear"] = "2022", ["birthMonth"] = "3", ["districtId"] = portal.DistrictA.Id.ToString(CultureInfo.InvariantCulture), ["nickname"] = "No Consent",
        });

        late.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        noConsent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await portal.EntriesAfterAsync(before)).Should().OnlyContain(e => e.Action == AuditAction.RosterViewed);
    }

    [Fact]
    public async Task A_save_that_fails_in_the_database_leaves_no_entry_behind()
    {
        var session = await portal.SessionAsync();
        var before = await portal.LastEntryIdAsync();
        await using var scope = portal.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServices.Web.Data.FamilyServicesDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        // The second child does not exist: the attendance row's foreign key fails after the first was written.
        var act = () => AttendanceRecording.SaveAsync(db, audit, portal.CentreA.Id, session.Id,
            [(portal.ChildrenA[0].Id, AttendanceStatus.Present), (int.MaxValue, AttendanceStatus.Present)], StaffId, DateTime.UtcNow);

        await act.Should().ThrowAsync<Exception>();
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty();
        await using var check = portal.NewDb();
        (await check.Attendances.AnyAsync(a => a.SessionId == session.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task An_import_writes_one_entry_with_its_counts_and_children_and_a_refused_or_repeated_import_none()
    {
        var day = portal.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var children = portal.ChildrenA.Skip(5).Take(3).ToList();
        var csv = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status\n"
            + string.Concat(children.Select(c => $"{portal.OfferingA.Code},{day},10:00,{c.Code},,,,present\n"));
        var before = await portal.LastEntryIdAsync();

        var bad = await portal.PostCsvAsync(csv + $"{portal.OfferingA.Code},{day},10:00,NOPE,,,,present\n");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty("a refused file changes nothing");

        var good = await portal.PostCsvAsync(csv);
        good.StatusCode.Should().Be(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var entry = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.AttendanceImported);
        entry.ActorId.Should().Be(StaffId);
        entry.CentreId.Should().Be(portal.CentreA.Id);
        entry.Subjects.Should().BeEquivalentTo(await PseudonymsAsync(children));
        entry.Details.Should().Contain("\"rowsRead\": 3").And.Contain("\"recorded\": 3").And.Contain("\"childrenListed\": true");

        var again = await portal.LastEntryIdAsync();
        (await portal.PostCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await portal.EntriesAfterAsync(again)).Should().BeEmpty("the same file again changes nothing");
    }

    [Fact]
    public async Task A_reach_export_and_the_print_view_record_the_query_and_no_children()
    {
        using var client = await portal.ClientAsync(AuditFixture.Official);
        var before = await portal.LastEntryIdAsync();

        var csv = await client.GetAsync("/officials/reach/export.csv?year=2025&period=school&groupBy=district&table=breakdown");
        var print = await client.GetAsync("/officials/reach/print?year=2025&groupBy=district");
        var refused = await client.GetAsync("/officials/reach/export.csv?year=1800");

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        print.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var entries = await portal.EntriesAfterAsync(before);
        entries.Should().HaveCount(2).And.OnlyContain(e => e.Action == AuditAction.ReachExported && e.ActorId == portal.Ids[AuditFixture.Official]
            && e.Subjects.Length == 0 && e.CentreId == null);
        entries[0].Details.Should().Contain("\"format\": \"csv\"").And.Contain("\"year\": 2025").And.Contain("\"period\": \"School\"").And.Contain("\"groupBy\": \"district\"");
        entries[1].Details.Should().Contain("\"format\": \"print\"");
    }

    private async Task<List<string>> PseudonymsAsync(IEnumerable<Participant> children)
    {
        var pseudonyms = new List<string>();
        foreach (var child in children) pseudonyms.Add(await portal.PseudonymAsync(child.Id));
        return pseudonyms;
    }
}
