using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// Background jobs run on exactly one portal instance at a time: two leadership objects on one database stand for two
/// instances. Who leads is read from the database (pg_locks, pg_stat_activity), never inferred from elapsed time.
/// </summary>
public sealed class JobLeadershipTests : IAsyncLifetime
{
    /// <summary>Generous: a follower retries every few seconds, and the CI machine may be busy.</summary>
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(60);

    private readonly List<IAsyncDisposable> _started = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(JobLeadershipTests));

    public async Task DisposeAsync()
    {
        foreach (var instance in _started) await instance.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Of_two_instances_exactly_one_leads_and_the_other_takes_over_when_the_leaders_connection_is_terminated()
    {
        var first = await StartAsync();
        var firstTerm = await first.WaitUntilLeadingAsync(CancellationToken.None).WaitAsync(TakeOver);
        var second = await StartAsync();
        var secondLeads = second.WaitUntilLeadingAsync(CancellationToken.None);

        await UntilAsync(async () => await TriedCountAsync() == 2, "both instances have asked for the lock");
        (await LockHoldersAsync()).Should().HaveCount(1, "PostgreSQL grants the jobs' lock to one session");
        first.IsLeading.Should().BeTrue();
        second.IsLeading.Should().BeFalse();
        secondLeads.IsCompleted.Should().BeFalse();

        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN ({string.Join(',', await LockHoldersAsync())})");

        await secondLeads.WaitAsync(TakeOver);
        second.IsLeading.Should().BeTrue();
        // The first finds its connection broken at its next check, perhaps after the second took the released lock.
        await UntilAsync(() => Task.FromResult(firstTerm.IsCancellationRequested), "the jobs of the instance whose lock connection broke are told to stop");
        first.IsLeading.Should().BeFalse();
        (await LockHoldersAsync()).Should().HaveCount(1);
    }

    [Fact]
    public async Task When_the_leader_stops_the_other_instance_takes_over()
    {
        var first = await StartAsync();
        await first.WaitUntilLeadingAsync(CancellationToken.None).WaitAsync(TakeOver);
        var second = await StartAsync();
        var secondLeads = second.WaitUntilLeadingAsync(CancellationToken.None);
        await UntilAsync(async () => await TriedCountAsync() == 2, "both instances have asked for the lock");

        await first.StopAsync(CancellationToken.None);

        await secondLeads.WaitAsync(TakeOver);
        second.IsLeading.Should().BeTrue();
        (await LockHoldersAsync()).Should().HaveCount(1);
    }

    [Fact]
    public async Task The_reach_refresher_of_an_instance_that_does_not_lead_leaves_the_pending_work_to_the_leader()
    {
        await SharedDatabaseInstance.MigrateAsync(_connectionString);
        await using var portal = new SharedDatabaseInstance(_connectionString, reachRefreshSeconds: 1);
        // This connection stands for another instance that leads.
        await using var otherLeader = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await otherLeader.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({JobLeadership.LockKey})", otherLeader)) await take.ExecuteNonQueryAsync();
        await ExecuteAsync("INSERT INTO reach_stale_periods (period_kind, period_year) VALUES ('Calendar', 2025)");

        var leadership = portal.Services.GetRequiredService<JobLeadership>();
        // Two tries of the portal's lock connection: it has been refused twice, and the refresher had its chance between.
        await UntilAsync(async () => await TriedCountAsync() == 1, "the portal has asked for the lock");
        var firstTry = await LastTryAsync();
        await UntilAsync(async () => await LastTryAsync() > firstTry, "the portal has asked for the lock again");

        leadership.IsLeading.Should().BeFalse();
        (await ListenersAsync()).Should().Be(0, "a follower does not even listen for reach work");
        (await StalePeriodsAsync()).Should().Be(1, "the follower has not refreshed");

        await otherLeader.CloseAsync();

        await UntilAsync(async () => await StalePeriodsAsync() == 0, "the portal leads and refreshes");
        leadership.IsLeading.Should().BeTrue();
    }

    private async Task<JobLeadership> StartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"ConnectionStrings:{Database.ConnectionStringName}", _connectionString)])
            .Build();
        var database = new DatabaseAvailability(configuration, NullLogger<DatabaseAvailability>.Instance, TimeProvider.System);
        var leadership = new JobLeadership(configuration, database, NullLogger<JobLeadership>.Instance, TimeProvider.System);
        await database.StartAsync(CancellationToken.None);
        await leadership.StartAsync(CancellationToken.None);
        _started.Add(new Stopping(leadership));
        _started.Add(new Stopping(database));
        return leadership;
    }

    /// <summary>Sessions of the jobs' lock that have asked for it at least once and wait for their next try or check.</summary>
    private Task<long> TriedCountAsync() => ScalarAsync<long>(
        $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{JobLeadership.ApplicationName}' AND datname = current_database() " +
        "AND state = 'idle' AND query LIKE '%pg_try_advisory_lock%'");

    private Task<DateTime> LastTryAsync() => ScalarAsync<DateTime>(
        $"SELECT max(query_start) FROM pg_stat_activity WHERE application_name = '{JobLeadership.ApplicationName}' AND datname = current_database() " +
        "AND state = 'idle' AND query LIKE '%pg_try_advisory_lock%'");

    private Task<long> ListenersAsync() => ScalarAsync<long>(
        $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {ReachRefreshService.Channel}'");

    private Task<long> StalePeriodsAsync() => ScalarAsync<long>("SELECT count(*) FROM reach_stale_periods");

    private async Task<List<int>> LockHoldersAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        // A bigint key shows as its high and low halves; the jobs' key fits in the low one.
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = @key AND objsubid = 1 " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        command.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Oid, (uint)JobLeadership.LockKey);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TakeOver);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested) throw new TimeoutException($"Not reached within {TakeOver.TotalSeconds} s: {what}");
            await Task.Delay(200);
        }
    }

    private sealed class Stopping(Microsoft.Extensions.Hosting.IHostedService service) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await service.StopAsync(CancellationToken.None);
            (service as IDisposable)?.Dispose();
        }
    }
}
