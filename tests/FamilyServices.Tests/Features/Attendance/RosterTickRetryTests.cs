using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>The test world with the portal's way to its database through a link a test can cut (<see cref="DatabaseLink"/>).</summary>
public sealed class LinkedStaffWorld : TestWorld
{
    private DatabaseLink? _link;

    public DatabaseLink Link => _link ?? throw new InvalidOperationException("The portal has not been started yet.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        _link = DatabaseLink.To(ConnectionString);
        builder.UseSetting("ConnectionStrings:FamilyServices", _link.Through(ConnectionString));
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
    }

    /// <summary>A child new to the world, enrolled in centre A's offering, so they are on the roster of <see cref="TestWorld.SessionA"/>.</summary>
    public async Task<Participant> EnrolledChildAsync()
    {
        await using var db = NewDb();
        var child = new Participant
        {
            Code = ParticipantCode.Create(Random.Shared), BirthYear = 2022, BirthMonth = 3, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow,
        };
        db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = OfferingA.Id, EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        await db.SaveChangesAsync();
        return child;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_link is not null) await _link.DisposeAsync();
    }
}

/// <summary>
/// A roster tick is an idempotent upsert: when its connection drops mid-write it is sent again and stored once; when the
/// database stays out of reach it is reported as not saved, and nothing of it is stored.
/// </summary>
public sealed class RosterTickRetryTests(LinkedStaffWorld world) : IClassFixture<LinkedStaffWorld>
{
    [Fact]
    public async Task A_tick_whose_connection_is_ended_mid_write_is_sent_again_and_stored_once()
    {
        var child = await world.EnrolledChildAsync();
        var user = await world.PrincipalAsync(world.StaffA);
        await using var scope = world.Scope();
        var roster = scope.ServiceProvider.GetRequiredService<RosterActions>();

        Task<RosterResult> tick;
        await using (var blocker = await AttendanceWritesHeldAsync())
        {
            tick = roster.MarkAsync(user, world.SessionA.Id, child.Id, AttendanceStatus.Present);
            var writer = await WaitingWriteAsync();
            await using var admin = await OpenAsync();
            await using var end = new NpgsqlCommand($"SELECT pg_terminate_backend({writer})", admin);
            ((bool)(await end.ExecuteScalarAsync())!).Should().BeTrue("the tick's first attempt was waiting on its connection");
        }

        var result = await tick;

        result.Succeeded.Should().BeTrue("the second attempt runs on a new connection");
        await using var db = world.NewDb();
        (await db.Attendances.Where(a => a.SessionId == world.SessionA.Id && a.ParticipantId == child.Id).Select(a => a.Status).ToListAsync())
            .Should().Equal(AttendanceStatus.Present);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == world.SessionA.Id && c.ParticipantId == child.Id))
            .Should().Be(1, "the ended attempt rolled back, so the trail has the one change that was stored");
    }

    [Fact]
    public async Task A_tick_while_the_database_stays_out_of_reach_is_reported_as_not_saved_and_nothing_is_stored()
    {
        var child = await world.EnrolledChildAsync();
        var user = await world.PrincipalAsync(world.StaffA);
        await using var scope = world.Scope();
        var roster = scope.ServiceProvider.GetRequiredService<RosterActions>();

        RosterResult result;
        await using (var blocker = await AttendanceWritesHeldAsync())
        {
            var tick = roster.MarkAsync(user, world.SessionA.Id, child.Id, AttendanceStatus.Absent);
            await WaitingWriteAsync();
            world.Link.Cut();
            try
            {
                result = await tick;
            }
            finally
            {
                world.Link.Restore();
            }
        }

        (result.Outcome, result.Problem).Should().Be((RosterOutcome.Refused, "RosterMarkNotSaved"));
        await using var db = world.NewDb();
        (await db.Attendances.CountAsync(a => a.SessionId == world.SessionA.Id && a.ParticipantId == child.Id)).Should().Be(0);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == world.SessionA.Id && c.ParticipantId == child.Id)).Should().Be(0);
    }

    /// <summary>
    /// A transaction of the test that holds back every write of attendance (reads go on): the tick's upsert waits in
    /// its SELECT ... FOR UPDATE until the connection is disposed.
    /// </summary>
    private async Task<NpgsqlConnection> AttendanceWritesHeldAsync()
    {
        var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE attendances IN EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The backend of the portal whose write waits for the test's lock.</summary>
    private async Task<int> WaitingWriteAsync()
    {
        await using var admin = await OpenAsync();
        await using var find = new NpgsqlCommand("""
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'
            """, admin);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(50))
        {
            if (await find.ExecuteScalarAsync() is int pid) return pid;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The tick never reached its write.");
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(world.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
