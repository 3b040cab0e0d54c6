using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>The correction window (<c>Portal:Attendance:CorrectionDays</c>, 14) and the append-only trail of changes.</summary>
public sealed class CorrectionTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task After_14_days_staff_see_the_roster_read_only_and_cannot_change_it()
    {
        var child = world.ChildrenA[0];

        var roster = await world.ActAsync(world.StaffA, (actions, user) => actions.OpenAsync(user, world.OldSessionA.Id, "en"));
        var tick = await world.ActAsync(world.StaffA, (actions, user) => actions.MarkAsync(user, world.OldSessionA.Id, child.Id, AttendanceStatus.Present));
        var add = await world.ActAsync(world.StaffA, (actions, user) => actions.AddByCodeAsync(user, world.OldSessionA.Id, world.ChildB.Code, null));
        var cancel = await world.ActAsync(world.StaffA, (actions, user) => actions.CancelAsync(user, world.OldSessionA.Id, "too late"));

        roster!.MayWrite.Should().BeFalse();
        new[] { tick, add, cancel }.Should().OnlyContain(r => r.Problem == "CorrectionWindowClosed");
        await using var db = world.NewDb();
        (await db.Attendances.AnyAsync(a => a.SessionId == world.OldSessionA.Id)).Should().BeFalse();
        (await db.AttendanceChanges.AnyAsync(c => c.SessionId == world.OldSessionA.Id)).Should().BeFalse();
        (await db.Sessions.SingleAsync(s => s.Id == world.OldSessionA.Id)).Status.Should().Be(SessionStatus.Scheduled);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("admin")]
    public async Task A_coordinator_of_the_centre_or_an_Admin_may_still_correct_and_the_change_is_in_the_trail(string who)
    {
        var session = await world.SessionAsync(daysAgo: 30);
        var account = who == "coordinator" ? world.CoordinatorA : world.Admin;

        var roster = await world.ActAsync(account, (actions, user) => actions.OpenAsync(user, session.Id, "en"));
        var tick = await world.ActAsync(account, (actions, user) => actions.MarkAsync(user, session.Id, world.ChildrenA[1].Id, AttendanceStatus.Excused));

        roster!.MayWrite.Should().BeTrue();
        tick.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        var change = await db.AttendanceChanges.SingleAsync(c => c.SessionId == session.Id);
        (change.ParticipantId, change.StatusBefore, change.StatusAfter, change.ChangedById)
            .Should().Be((world.ChildrenA[1].Id, (AttendanceStatus?)null, AttendanceStatus.Excused, account.Id));
    }

    [Fact]
    public async Task A_coordinator_of_another_centre_may_not_correct_late()
    {
        var coordinatorB = await world.AccountAsync($"coordinator.b.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, world.CentreB, coordinator: true);

        var tick = await world.ActAsync(coordinatorB, (actions, user) => actions.MarkAsync(user, world.OldSessionA.Id, world.ChildrenA[1].Id, AttendanceStatus.Excused));

        tick.Outcome.Should().Be(RosterOutcome.NotFound, "another centre's session is not found, not forbidden");
    }

    [Fact]
    public async Task Every_change_is_kept_with_before_and_after_and_repeating_a_save_adds_nothing()
    {
        var session = await world.SessionAsync(daysAgo: 2);
        var children = world.ChildrenA.Take(3).ToList();
        async Task TickAsync(Participant child, AttendanceStatus status) =>
            (await world.ActAsync(world.StaffA, (actions, user) => actions.MarkAsync(user, session.Id, child.Id, status))).Succeeded.Should().BeTrue();

        foreach (var child in children) await TickAsync(child, AttendanceStatus.Present);
        await TickAsync(children[0], AttendanceStatus.Absent);
        await TickAsync(children[0], AttendanceStatus.Absent);
        await TickAsync(children[1], AttendanceStatus.Present);

        await using var db = world.NewDb();
        var trail = await db.AttendanceChanges.Where(c => c.SessionId == session.Id).OrderBy(c => c.Id).ToListAsync();
        trail.Should().HaveCount(4, "three first marks and one correction; the repeated ticks changed nothing");
        (trail[^1].ParticipantId, trail[^1].StatusBefore, trail[^1].StatusAfter)
            .Should().Be((children[0].Id, (AttendanceStatus?)AttendanceStatus.Present, AttendanceStatus.Absent));
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == children[0].Id)).Status.Should().Be(AttendanceStatus.Absent);
    }
}
