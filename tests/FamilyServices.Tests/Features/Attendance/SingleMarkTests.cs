using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>One tick of the roster, as the page sends it over the circuit: saved at once with the idempotent upsert.</summary>
public sealed class SingleMarkTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task One_tick_is_saved_at_once_and_sending_it_again_changes_nothing()
    {
        var session = await world.SessionAsync(daysAgo: 2);
        var child = world.ChildrenA[7];

        var first = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Excused));
        var again = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, AttendanceStatus.Excused));

        (first.Succeeded, again.Succeeded).Should().Be((true, true));
        await using var db = world.NewDb();
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == child.Id)).Status.Should().Be(AttendanceStatus.Excused);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == session.Id && c.ParticipantId == child.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_tick_for_a_child_not_on_the_roster_an_unknown_status_or_after_the_window_is_refused()
    {
        var session = await world.SessionAsync(daysAgo: 2);
        var old = await world.SessionAsync(daysAgo: 20);
        var child = world.ChildrenA[8];

        var stranger = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildB.Id, AttendanceStatus.Present));
        var unknown = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, child.Id, (AttendanceStatus)42));
        var late = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, old.Id, child.Id, AttendanceStatus.Present));
        var nowhere = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, long.MaxValue, child.Id, AttendanceStatus.Present));

        stranger.Outcome.Should().Be(RosterOutcome.NotFound);
        unknown.Problem.Should().Be("RosterMarkInvalid");
        (late.Outcome, late.Problem, late.ProblemArguments).Should().BeEquivalentTo((RosterOutcome.Refused, "CorrectionWindowClosed", new object[] { 14 }));
        nowhere.Outcome.Should().Be(RosterOutcome.NotFound);
        await using var db = world.NewDb();
        (await db.Attendances.AnyAsync(a => a.ParticipantId == child.Id && (a.SessionId == session.Id || a.SessionId == old.Id))).Should().BeFalse();
        (await db.Attendances.AnyAsync(a => a.SessionId == session.Id && a.ParticipantId == world.ChildB.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Mark_all_present_leaves_taken_marks_and_a_second_call_marks_nobody()
    {
        var session = await world.SessionAsync(daysAgo: 2);
        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[0].Id, AttendanceStatus.Excused));

        var first = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAllPresentAsync(user, session.Id));
        var second = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAllPresentAsync(user, session.Id));

        (first.Count, second.Count).Should().Be((19, 0));
        await using var db = world.NewDb();
        var marks = await db.Attendances.Where(a => a.SessionId == session.Id).ToListAsync();
        marks.Should().HaveCount(20);
        marks.Single(a => a.ParticipantId == world.ChildrenA[0].Id).Status.Should().Be(AttendanceStatus.Excused);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == session.Id)).Should().Be(20);
    }
}
