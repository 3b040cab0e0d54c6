using System.Globalization;
using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// Each place that shows, changes or exports children's data writes exactly one entry; a refused or failed change none.
/// The roster's entries (views, marks, registrations, nicknames) are proved with its rules in Features/Attendance/RosterAuditTests.
/// </summary>
public sealed class AuditRecordingTests(AuditFixture portal) : IClassFixture<AuditFixture>
{
    private string StaffId => portal.Ids[AuditFixture.Staff];

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
