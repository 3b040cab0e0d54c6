using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>
/// The roster writes the audit entries the static roster wrote: exactly one per view, registration, nickname change and
/// kind of mark change, with the acting account and centre; a refused or repeated change none.
/// </summary>
public sealed class RosterAuditTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task Opening_a_roster_records_who_saw_which_children_of_which_centre()
    {
        var session = await world.SessionAsync();
        var before = await LastEntryIdAsync();

        await world.ActAsync(world.StaffA, (roster, user) => roster.OpenAsync(user, session.Id, "en"));

        var entry = (await EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        (entry.Action, entry.ActorId, entry.CentreId).Should().Be((AuditAction.RosterViewed, world.StaffA.Id, world.CentreA.Id));
        entry.Subjects.Should().BeEquivalentTo(await PseudonymsAsync(world.ChildrenA));
        entry.Details.Should().Contain($"\"sessionId\": {session.Id}").And.Contain("\"children\": 20");
    }

    [Fact]
    public async Task Saving_marks_records_the_new_marks_once_and_saving_the_same_again_records_nothing()
    {
        var session = await world.SessionAsync();
        var child = world.ChildrenA[2];
        var before = await LastEntryIdAsync();

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Present));

        var entry = (await EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        (entry.Action, entry.ActorId, entry.CentreId).Should().Be((AuditAction.AttendanceRecorded, world.StaffA.Id, world.CentreA.Id));
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
        var again = await LastEntryIdAsync();
        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Present));
        (await EntriesAfterAsync(again)).Should().BeEmpty("the same mark changes nothing");
    }

    [Fact]
    public async Task Changing_a_mark_records_a_correction_of_that_child_only()
    {
        var session = await world.SessionAsync();
        var child = world.ChildrenA[4];
        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Absent));
        var before = await LastEntryIdAsync();

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Present));

        var entry = (await EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        (entry.Action, entry.ActorId).Should().Be((AuditAction.AttendanceCorrected, world.StaffA.Id));
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
    }

    [Fact]
    public async Task Mark_all_present_records_one_entry_for_all_the_children_it_marked()
    {
        var session = await world.SessionAsync();
        var before = await LastEntryIdAsync();

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAllPresentAsync(user, session.Id));

        var entry = (await EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        entry.Action.Should().Be(AuditAction.AttendanceRecorded);
        entry.Subjects.Should().BeEquivalentTo(await PseudonymsAsync(world.ChildrenA));
    }

    [Fact]
    public async Task Registering_a_child_with_a_nickname_records_the_registration_the_nickname_and_the_first_mark_once_each()
    {
        var session = await world.SessionAsync();
        var before = await LastEntryIdAsync();

        var added = await world.ActAsync(world.StaffA, (roster, user) =>
            roster.AddNewAsync(user, session.Id, new NewChild(2022, 3, world.CentreA.DistrictId, "Lotta Registered", true)));

        added.Succeeded.Should().BeTrue();
        var pseudonym = await PseudonymAsync(added.Count);
        var written = await EntriesAfterAsync(before);
        written.Select(e => e.Action).Should().BeEquivalentTo([AuditAction.ParticipantRegistered, AuditAction.NicknameChanged, AuditAction.AttendanceRecorded]);
        written.Should().OnlyContain(e => e.ActorId == world.StaffA.Id && e.CentreId == world.CentreA.Id && e.Subjects.SequenceEqual(new[] { pseudonym }));
        written.Should().OnlyContain(e => e.Details == null || !e.Details.Contains("Lotta"), "the trail never holds a nickname");
    }

    [Fact]
    public async Task Adding_a_known_child_again_with_the_same_nickname_records_no_nickname_change()
    {
        var child = world.ChildrenA[9];
        var first = await world.SessionAsync();
        await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, first.Id, child.Code, "Bo Known"));
        var second = await world.SessionAsync();
        var before = await LastEntryIdAsync();

        await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, second.Id, child.Code, "Bo Known"));

        (await EntriesAfterAsync(before)).Should().ContainSingle().Which.Action.Should().Be(AuditAction.AttendanceRecorded);
    }

    [Fact]
    public async Task Refused_changes_record_nothing()
    {
        var closed = await world.SessionAsync(daysAgo: 30);
        var open = await world.SessionAsync();
        var before = await LastEntryIdAsync();

        var late = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, closed.Id, world.ChildrenA[0].Id, AttendanceStatus.Present));
        var noConsent = await world.ActAsync(world.StaffA, (roster, user) =>
            roster.AddNewAsync(user, open.Id, new NewChild(2022, 3, world.CentreA.DistrictId, "No Consent", false)));
        var otherCentre = await world.ActAsync(world.StaffB, (roster, user) => roster.MarkAsync(user, open.Id, world.ChildrenA[0].Id, AttendanceStatus.Present));

        (late.Succeeded, noConsent.Succeeded, otherCentre.Succeeded).Should().Be((false, false, false));
        (await EntriesAfterAsync(before)).Should().BeEmpty();
    }

    private async Task<List<AuditEvent>> EntriesAfterAsync(long afterId)
    {
        await using var db = world.NewDb();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<long> LastEntryIdAsync()
    {
        await using var db = world.NewDb();
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<string> PseudonymAsync(int participantId)
    {
        await using var db = world.NewDb();
        return AuditTrail.Pseudonym(await db.AuditKeys.Select(k => k.Secret).SingleAsync(), participantId);
    }

    private async Task<List<string>> PseudonymsAsync(IEnumerable<Participant> children)
    {
        var pseudonyms = new List<string>();
        foreach (var child in children) pseudonyms.Add(await PseudonymAsync(child.Id));
        return pseudonyms;
    }
}
