using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>
/// Live rosters across portal instances: a write to a session's attendance, headcount or status sends a PostgreSQL
/// notification on <see cref="Channel"/> with the session id, inside the write's own transaction, so it is delivered
/// when (and only if) the write commits. Every instance listens (<see cref="AttendanceListener"/>) and tells the roster
/// pages it holds open for that session, which read the session's marks afresh.
/// </summary>
public static class AttendanceNotifications
{
    public const string Channel = "attendance_changed";

    /// <summary>Queues the notification in the context's current transaction (or sends it at once without one).</summary>
    public static async Task NotifyAsync(FamilyServicesDb db, long sessionId, CancellationToken cancellationToken = default)
    {
        var payload = sessionId.ToString(CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
    }

    /// <summary>The same for a raw connection (the CSV import): one notification per distinct session of a temp table's column.</summary>
    public static string NotifySessionsSql(string table, string column) =>
        $"SELECT pg_notify('{Channel}', s::text) FROM (SELECT DISTINCT {column} AS s FROM {table} WHERE {column} IS NOT NULL) d";
}

/// <summary>
/// One per portal instance: holds a dedicated connection that LISTENs on <see cref="AttendanceNotifications.Channel"/>,
/// reconnects with back-off when it drops, and passes each notification to the pages that subscribed to its session.
/// After a reconnect every subscriber is told once, since notifications sent while the connection was down are lost.
/// Nothing here decides what a page shows: a subscriber reads the database itself, with its user's rights.
/// </summary>
public sealed partial class AttendanceListener(IConfiguration configuration, ILogger<AttendanceListener> logger) : BackgroundService
{
    /// <summary>The listening connection's name in pg_stat_activity (tests end it there to prove the reconnect).</summary>
    public const string ApplicationName = "familyservices-attendance-listener";

    private static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, HashSet<Subscription>> _subscribers = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;

    /// <summary>How many times the listening connection was (re)established: tests wait for a reconnect with it.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _firstListen.Task;

    /// <summary>
    /// Calls <paramref name="changed"/> (on a pool thread) whenever the session's attendance changes, until the returned
    /// handle is disposed. A page marshals onto its own renderer with InvokeAsync. The call runs in the subscriber's
    /// execution context, so a page re-renders in its user's language and formats, not the listener's.
    /// </summary>
    public IDisposable Subscribe(long sessionId, Func<Task> changed)
    {
        var subscription = new Subscription(this, sessionId, changed, ExecutionContext.Capture());
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(sessionId, out var set)) _subscribers[sessionId] = set = [];
            set.Add(subscription);
        }
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(subscription.SessionId, out var set)) return;
            set.Remove(subscription);
            if (set.Count == 0) _subscribers.Remove(subscription.SessionId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = ListenerConnectionString(configuration);
        if (connectionString is null) return;
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {AttendanceNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                var reconnected = Interlocked.Increment(ref _connections) > 1;
                _firstListen.TrySetResult();
                backOff = TimeSpan.FromSeconds(1);
                if (reconnected)
                {
                    LogReconnected(logger);
                    NotifyEveryone();
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A quiet connection is checked now and then: a dropped one fails here rather than waiting forever.
                    if (!await connection.WaitAsync(LivenessCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                LogStopped(logger);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogConnectionLost(logger, e.GetType().Name, backOff.TotalSeconds);
                try
                {
                    await Task.Delay(backOff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    LogStopped(logger);
                    return;
                }
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    /// <summary>A connection string for the listener alone, e.g. straight to PostgreSQL when the portal's goes through a pooler.</summary>
    public const string ConnectionStringName = Database.ListenerConnectionStringName;

    /// <summary>The portal's database, on a connection of its own outside the pool (LISTEN belongs to one connection).</summary>
    public static string? ListenerConnectionString(IConfiguration configuration) => Database.ListenerConnectionString(configuration, ApplicationName);

    private void OnNotification(string payload)
    {
        if (!long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId)) return;
        List<Subscription> targets;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(sessionId, out var set)) return;
            targets = [.. set];
        }
        foreach (var subscription in targets) Dispatch(subscription);
    }

    private void NotifyEveryone()
    {
        List<Subscription> targets;
        lock (_lock) targets = [.. _subscribers.Values.SelectMany(set => set)];
        foreach (var subscription in targets) Dispatch(subscription);
    }

    /// <summary>Off the listening loop: a slow page must not hold up the notifications of others.</summary>
    private void Dispatch(Subscription subscription) => _ = Task.Run(async () =>
    {
        try
        {
            await subscription.InvokeAsync();
        }
        catch (Exception e)
        {
            LogSubscriberFailed(logger, e);
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "The attendance listener stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attendance listener lost its database connection ({Error}); retrying in {Seconds} s")]
    private static partial void LogConnectionLost(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The attendance listener is listening again; open rosters reload")]
    private static partial void LogReconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An open roster failed to reload after an attendance change")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(AttendanceListener listener, long sessionId, Func<Task> changed, ExecutionContext? context) : IDisposable
    {
        public long SessionId { get; } = sessionId;

        public Task InvokeAsync()
        {
            if (context is null) return changed();
            var started = Task.CompletedTask;
            ExecutionContext.Run(context, _ => started = changed(), null);
            return started;
        }

        public void Dispose() => listener.Unsubscribe(this);
    }
}
