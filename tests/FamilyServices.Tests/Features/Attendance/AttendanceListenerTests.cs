using System.Collections.Concurrent;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>
/// The live roster's plumbing against the real database: a committed change to a session's attendance reaches the
/// subscribers of that session (through PostgreSQL, as it would from another portal instance), nothing else does, and
/// a dropped listening connection comes back by itself.
/// </summary>
public sealed class AttendanceListenerTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    private AttendanceListener Listener => world.Services.GetRequiredService<AttendanceListener>();

    /// <summary>Counts the calls per session and lets a test wait for the next one.</summary>
    private sealed class Calls
    {
        private readonly ConcurrentDictionary<long, int> _counts = new();
        private readonly ConcurrentDictionary<long, TaskCompletionSource> _next = new();

        public Func<Task> For(long sessionId) => () =>
        {
            _counts.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
            if (_next.TryRemove(sessionId, out var waiting)) waiting.TrySetResult();
            return Task.CompletedTask;
        };

        public int Count(long sessionId) => _counts.GetValueOrDefault(sessionId);

        public Task Next(long sessionId) => _next.GetOrAdd(sessionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    [Fact]
    public async Task A_committed_tick_reaches_the_subscribers_of_its_session_within_two_seconds_and_no_one_else()
    {
        await Listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var (ticked, other) = (await world.SessionAsync(), await world.SessionAsync());
        var calls = new Calls();
        using var a = Listener.Subscribe(ticked.Id, calls.For(ticked.Id));
        using var b = Listener.Subscribe(other.Id, calls.For(other.Id));
        var arrived = calls.Next(ticked.Id);

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, ticked.Id, world.ChildrenA[0].Id, AttendanceStatus.Present));

        await arrived.WaitAsync(Live);
        await Barrier(calls, other);
        calls.Count(ticked.Id).Should().Be(1);
        calls.Count(other.Id).Should().Be(1, "only the barrier's own notification");
    }

    [Fact]
    public async Task A_save_that_changes_nothing_or_is_rolled_back_notifies_no_one()
    {
        await Listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var session = await world.SessionAsync();
        var barrier = await world.SessionAsync();
        var first = new Calls();
        using (Listener.Subscribe(session.Id, first.For(session.Id)))
        {
            var marked = first.Next(session.Id);
            await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[1].Id, AttendanceStatus.Absent));
            await marked.WaitAsync(Live);
        }
        var calls = new Calls();
        using var subscription = Listener.Subscribe(session.Id, calls.For(session.Id));
        using var barrierSubscription = Listener.Subscribe(barrier.Id, calls.For(barrier.Id));

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[1].Id, AttendanceStatus.Absent));
        await using (var db = world.NewDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AttendanceNotifications.NotifyAsync(db, session.Id);
            await transaction.RollbackAsync();
        }

        await Barrier(calls, barrier);
        calls.Count(session.Id).Should().Be(0);
    }

    [Fact]
    public async Task An_unsubscribed_page_is_not_called_any_more()
    {
        await Listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var session = await world.SessionAsync();
        var barrier = await world.SessionAsync();
        var calls = new Calls();
        Listener.Subscribe(session.Id, calls.For(session.Id)).Dispose();
        using var barrierSubscription = Listener.Subscribe(barrier.Id, calls.For(barrier.Id));

        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[2].Id, AttendanceStatus.Present));

        await Barrier(calls, barrier);
        calls.Count(session.Id).Should().Be(0);
    }

    [Fact]
    public async Task When_the_listening_connection_drops_it_comes_back_tells_every_page_once_and_delivers_again()
    {
        await Listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var session = await world.SessionAsync();
        var calls = new Calls();
        using var subscription = Listener.Subscribe(session.Id, calls.For(session.Id));
        var connections = Listener.Connections;
        var resync = calls.Next(session.Id);

        await using (var db = world.NewDb())
        {
            var ended = await db.Database.SqlQuery<bool>($"""
                SELECT pg_terminate_backend(pid) AS "Value" FROM pg_stat_activity
                WHERE application_name = {AttendanceListener.ApplicationName} AND datname = current_database()
                """).ToListAsync();
            ended.Should().ContainSingle().Which.Should().BeTrue("the portal holds one listening connection");
        }

        await resync.WaitAsync(TimeSpan.FromSeconds(30));
        Listener.Connections.Should().Be(connections + 1);
        var arrived = calls.Next(session.Id);
        await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[3].Id, AttendanceStatus.Present));
        await arrived.WaitAsync(Live);
    }

    /// <summary>
    /// Sends a notification for <paramref name="barrier"/> and waits for it: PostgreSQL delivers one connection's
    /// notifications in commit order, so anything sent before it has arrived by then (plus a moment for its dispatch).
    /// </summary>
    private async Task Barrier(Calls calls, Session barrier)
    {
        var arrived = calls.Next(barrier.Id);
        await using (var db = world.NewDb()) await AttendanceNotifications.NotifyAsync(db, barrier.Id);
        await arrived.WaitAsync(Live);
        await Task.Delay(200);
    }
}
