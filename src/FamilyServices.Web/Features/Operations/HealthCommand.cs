using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// <c>health</c>: one line per check - the database (reachable, every migration applied), the read replica and the
/// shared store when they are configured. Exit 0 when every configured check passes, 1 otherwise. Meant for an
/// operator or a deployment script; the running portal answers <c>/health/ready</c> itself.
/// </summary>
public static class HealthCommand
{
    /// <summary>A second, read-only connection string (issue 16); not used by the portal yet.</summary>
    public const string ReplicaConnectionStringName = "FamilyServicesReplica";

    /// <summary>The shared store's StackExchange.Redis-style configuration ("host:port[,password=...]"), when there is one.</summary>
    public const string SharedStoreConnectionStringName = "Redis";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(VerbRunner runner)
    {
        var health = new Command("health", "check the database (reachable, migrations applied), the replica and the shared store when configured");
        runner.Attach(health, RunAsync);
        return health;
    }

    private static async Task<int> RunAsync(VerbContext verb)
    {
        var configuration = verb.Services.GetRequiredService<IConfiguration>();
        var checks = new[]
        {
            await CheckAsync("database", () => DatabaseAsync(verb.Services.GetRequiredService<FamilyServicesDb>(), configuration.GetConnectionString(Database.ConnectionStringName), verb.Cancellation)),
            await CheckAsync("replica", () => ReplicaAsync(configuration.GetConnectionString(ReplicaConnectionStringName), verb.Cancellation)),
            await CheckAsync("shared store", () => SharedStoreAsync(configuration.GetConnectionString(SharedStoreConnectionStringName), verb.Cancellation)),
        };
        foreach (var check in checks) verb.Output.WriteLine($"{check.Name,-13} {check.Verdict,-14} {check.Detail}");
        return checks.All(c => c.Passed) ? OperatorCommands.Done : OperatorCommands.Failed;
    }

    public sealed record HealthCheck(string Name, bool Passed, bool Configured, string Detail)
    {
        public string Verdict => !Configured ? "not configured" : Passed ? "ok" : "FAILED";
    }

    private static async Task<HealthCheck> CheckAsync(string name, Func<Task<(bool Configured, bool Passed, string Detail)>> check)
    {
        try
        {
            var (configured, passed, detail) = await check();
            return new HealthCheck(name, passed || !configured, configured, detail);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or IOException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return new HealthCheck(name, false, true, exception.Message.Split('\n')[0].TrimEnd());
        }
    }

    private static async Task<(bool, bool, string)> DatabaseAsync(FamilyServicesDb db, string? connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(Quick(connectionString));
        try
        {
            await connection.OpenAsync(cancellation);
        }
        catch (Exception exception) when (DatabaseTrouble.Describe(exception, connectionString) is { } line)
        {
            return (true, false, line);
        }
        var server = connection.PostgreSqlVersion;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellation)).Count();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
        var where = Database.Describe(connectionString);
        return pending.Count == 0
            ? (true, true, $"PostgreSQL {server} at {where}, {applied} migrations applied, none pending")
            : (true, false, $"PostgreSQL {server} at {where}: {pending.Count} migration(s) pending ({string.Join(", ", pending.Take(3))}{(pending.Count > 3 ? ", ..." : "")}); run migrate");
    }

    private static async Task<(bool, bool, string)> ReplicaAsync(string? connectionString, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return (false, true, $"(ConnectionStrings:{ReplicaConnectionStringName} is not set)");
        await using var connection = new NpgsqlConnection(Quick(connectionString));
        try
        {
            await connection.OpenAsync(cancellation);
        }
        catch (Exception exception) when (DatabaseTrouble.Describe(exception, connectionString) is { } line)
        {
            return (true, false, line.Replace("the database", "the replica", StringComparison.Ordinal));
        }
        await using var command = new NpgsqlCommand(
            "SELECT pg_is_in_recovery(), extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        var inRecovery = reader.GetBoolean(0);
        var where = Database.Describe(connectionString);
        if (!inRecovery) return (true, true, $"PostgreSQL {connection.PostgreSqlVersion} at {where} accepts writes: it is a primary (promoted?), not a standby");
        var lag = reader.IsDBNull(1) ? "no transaction replayed yet" : string.Create(CultureInfo.InvariantCulture, $"last replayed transaction {reader.GetDouble(1):0.0} s ago");
        return (true, true, $"standby PostgreSQL {connection.PostgreSqlVersion} at {where}, {lag}");
    }

    /// <summary>
    /// The shared store speaks RESP: PING (after AUTH when a password is configured) must answer +PONG. Done over a plain
    /// socket so that the portal needs no Redis client until it really uses the store.
    /// </summary>
    private static async Task<(bool, bool, string)> SharedStoreAsync(string? configuration, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(configuration)) return (false, true, $"(ConnectionStrings:{SharedStoreConnectionStringName} is not set)");
        var parts = configuration.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var endpoint = parts.FirstOrDefault(p => !p.Contains('=', StringComparison.Ordinal)) ?? "localhost:6379";
        var password = parts.Where(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase)).Select(p => p["password=".Length..]).FirstOrDefault();
        var colon = endpoint.LastIndexOf(':');
        var (host, port) = colon > 0 ? (endpoint[..colon], int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture)) : (endpoint, 6379);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(CheckTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return (true, false, $"cannot reach the shared store at {host}:{port}: {(exception is SocketException ? exception.Message : "no answer within 5 s")}");
        }
        await using var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        if (password is not null)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n"), timeout.Token);
            var auth = await reader.ReadLineAsync(timeout.Token);
            if (auth != "+OK") return (true, false, $"the shared store at {host}:{port} refused the password");
        }
        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), timeout.Token);
        var answer = await reader.ReadLineAsync(timeout.Token);
        return answer == "+PONG"
            ? (true, true, $"answers PING at {host}:{port}")
            : (true, false, $"the shared store at {host}:{port} answered PING with '{answer}'");
    }

    /// <summary>A health check should answer within seconds and leave no pooled connection behind.</summary>
    private static string Quick(string? connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)CheckTimeout.TotalSeconds, Pooling = false }.ConnectionString;
}
