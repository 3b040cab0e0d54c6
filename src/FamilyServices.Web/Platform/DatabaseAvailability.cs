using Npgsql;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Whether PostgreSQL answers, as the portal last found it. At start-up it waits for the database with one clear line
/// (and one every half minute while it waits), and during an outage it logs one line when the database goes and one
/// when it is back, where every request used to log a stack trace. Background jobs wait for <see cref="Reached"/>
/// before their first query.
/// </summary>
public sealed partial class DatabaseAvailability(IConfiguration configuration, ILogger<DatabaseAvailability> logger, TimeProvider time)
    : BackgroundService
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RepeatWaitingLineAfter = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim lost = new(0);
    // Down until the first probe reaches it, so requests at start-up answer 503 at once rather than trying twice.
    private int down = 1;

    /// <summary>Completes once the database has answered, at start-up or later.</summary>
    public Task Reached => reached.Task;

    /// <summary>True from a request's or job's report of an outage until a probe reaches the database again.</summary>
    public bool IsDown => Volatile.Read(ref down) == 1;

    /// <summary>
    /// A connection that failed or broke (Npgsql calls these transient), or a timeout, anywhere in the chain; or, with
    /// several hosts in the connection string, none of them found to be the primary ("No suitable host was found.", a
    /// plain NpgsqlException with no cause of its own): during a failover, until the promoted replica is rechecked.
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException) return true;
            if (e.GetType() == typeof(NpgsqlException) && e.InnerException is null) return true;
        }
        return false;
    }

    /// <summary>A request or job found the database out of reach: logged once per outage, then probed until it is back.</summary>
    public void ReportOutage(Exception exception)
    {
        // Before the database was first reached the start-up wait is probing already, and says so itself.
        if (!reached.Task.IsCompleted || Interlocked.Exchange(ref down, 1) == 1) return;
        PortalMetrics.DatabaseOutages.Add(1);
        LogLost(logger, Where, Reason(exception));
        lost.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitUntilReachableAsync(startingUp: true, stoppingToken);
            while (true)
            {
                await lost.WaitAsync(stoppingToken);
                await WaitUntilReachableAsync(startingUp: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task WaitUntilReachableAsync(bool startingUp, CancellationToken cancellationToken)
    {
        var since = time.GetTimestamp();
        var lastLine = since;
        var waiting = false;
        while (await ProbeAsync(cancellationToken) is { } reason)
        {
            if (startingUp && (!waiting || time.GetElapsedTime(lastLine) >= RepeatWaitingLineAfter))
            {
                LogWaiting(logger, Where, reason, (int)ProbeInterval.TotalSeconds);
                lastLine = time.GetTimestamp();
            }
            waiting = true;
            await Task.Delay(ProbeInterval, time, cancellationToken);
        }
        // The line first: whoever waits on Reached (a job, a test) then finds it written.
        if (waiting || !startingUp)
        {
            var seconds = time.GetElapsedTime(since).TotalSeconds;
            LogBack(logger, Where, seconds);
        }
        Volatile.Write(ref down, 0);
        reached.TrySetResult();
    }

    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ProbeConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return Reason(e);
        }
    }

    /// <summary>Outside the pool, so a probe never finds a pooled connection that a restart broke, and short.</summary>
    private string ProbeConnectionString => field ??= new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(Database.ConnectionStringName))
    {
        Pooling = false,
        Timeout = 5,
        ApplicationName = "familyservices-probe",
    }.ConnectionString;

    private string Where => field ??= Database.Describe(configuration.GetConnectionString(Database.ConnectionStringName));

    /// <summary>The innermost message ("Connection refused", "the database system is starting up"), never a stack trace.</summary>
    internal static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost == exception ? exception.Message : $"{exception.Message} ({innermost.Message})";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the database at {Where}: {Reason}. Pages and APIs that need it answer 503 until it answers; trying again every {Seconds} s")]
    private static partial void LogWaiting(ILogger logger, string where, string reason, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database at {Where} cannot be reached: {Reason}. Pages and APIs that need it answer 503 until it is back")]
    private static partial void LogLost(ILogger logger, string where, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database at {Where} answers (after {Seconds:0.0} s)")]
    private static partial void LogBack(ILogger logger, string where, double seconds);
}
