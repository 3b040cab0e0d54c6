using Npgsql;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Which portal instance runs the background jobs (reach refresh, retention): the one whose dedicated connection holds
/// a session-level PostgreSQL advisory lock. The others try again every few seconds. When the leader's process dies
/// its connection closes, PostgreSQL releases the lock, and another instance takes it at its next try. A single
/// instance simply leads. The campaign starts only when a job first asks, so a portal whose jobs are all turned off
/// holds no extra connection. See decision 0025.
/// </summary>
public sealed partial class JobLeadership(IConfiguration configuration, DatabaseAvailability database, ILogger<JobLeadership> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>"FamilyServices background jobs": the same number in every instance, distinct from the reach lock.</summary>
    public const long LockKey = 0x5EAC4_0B5;

    /// <summary>The lock connection's name in pg_stat_activity, so an operator (or a test) can find the leader's backend.</summary>
    public const string ApplicationName = "familyservices-jobs";

    /// <summary>How often a follower tries to take the lock, and a leader checks that its connection still holds it.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(3);

    private readonly TaskCompletionSource wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private TaskCompletionSource<CancellationToken> leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? term;

    /// <summary>True while this instance holds the lock, as of its last check.</summary>
    public bool IsLeading
    {
        get { lock (gate) return term is not null; }
    }

    /// <summary>
    /// Waits until this instance leads, and returns a token that is cancelled when it stops leading (its lock connection
    /// broke, or the portal is stopping). A job runs while the token is live and stops at its next safe point after.
    /// </summary>
    public Task<CancellationToken> WaitUntilLeadingAsync(CancellationToken cancellationToken)
    {
        wanted.TrySetResult();
        Task<CancellationToken> current;
        lock (gate) current = leading.Task;
        return current.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="job"/> whenever this instance leads, until the portal stops. The job's token is cancelled
    /// when leadership ends; it is started again when this instance leads again.
    /// </summary>
    public async Task RunWhileLeadingAsync(Func<CancellationToken, Task> job, CancellationToken stoppingToken)
    {
        while (true)
        {
            var leadingToken = await WaitUntilLeadingAsync(stoppingToken);
            using var whileLeading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadingToken);
            try
            {
                await job(whileLeading.Token);
                if (!leadingToken.IsCancellationRequested) return;
            }
            catch (OperationCanceledException) when (leadingToken.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // Stopped at a safe point (an open transaction rolls back); waits to lead again.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await wanted.Task.WaitAsync(stoppingToken);
            await database.Reached.WaitAsync(stoppingToken);
            while (true)
            {
                await CampaignAsync(stoppingToken);
                await Task.Delay(CheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: closing the connection below releases the lock for the next instance at once.
        }
        finally
        {
            StepDown(reason: null);
        }
    }

    /// <summary>One connection's life: try the lock until it is taken, then hold it until the connection breaks.</summary>
    private async Task CampaignAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(LockConnectionString);
            await connection.OpenAsync(stoppingToken);
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
            while (!(bool)(await tryLock.ExecuteScalarAsync(stoppingToken))!)
            {
                await Task.Delay(CheckInterval, time, stoppingToken);
            }
            StepUp();
            // The lock lives as long as the session: a query that fails means the session, and the lock, are gone.
            await using var check = new NpgsqlCommand("SELECT 1", connection);
            while (true)
            {
                await Task.Delay(CheckInterval, time, stoppingToken);
                await check.ExecuteScalarAsync(stoppingToken);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A broken connection is one line (an outage, a failover, a terminated backend); anything else also its trace.
            if (e is not (NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)) LogUnexpected(logger, e);
            StepDown(DatabaseAvailability.Reason(e));
        }
    }

    private void StepUp()
    {
        lock (gate)
        {
            term = new CancellationTokenSource();
            leading.TrySetResult(term.Token);
        }
        LogLeading(logger);
    }

    private void StepDown(string? reason)
    {
        CancellationTokenSource? ended;
        lock (gate)
        {
            ended = term;
            term = null;
            if (ended is not null) leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (ended is null) return;
        // Not disposed: a job may still be linking a token of it.
        ended.Cancel();
        if (reason is not null) LogStepDown(logger, reason);
        else LogStopping(logger);
    }

    /// <summary>
    /// Outside the pool, since the lock belongs to this one session (and straight to PostgreSQL where the portal goes
    /// through a pooler, as the listeners do); with the portal's hosts, so it follows a failover.
    /// </summary>
    private string LockConnectionString => field ??= new NpgsqlConnectionStringBuilder(
        Database.ListenerConnectionString(configuration, ApplicationName)
        ?? throw new InvalidOperationException($"No database configured (ConnectionStrings:{Database.ConnectionStringName})."))
    {
        Timeout = 5,
        // A check that hangs (a machine gone without closing the socket) ends the term rather than holding it.
        CommandTimeout = 10,
    }.ConnectionString;

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now runs the background jobs (reach refresh, retention)")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance no longer runs the background jobs: its lock connection broke ({Reason}). Another instance takes over, or this one again once the database answers")]
    private static partial void LogStepDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background jobs' lock connection failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance stops running the background jobs: the portal is stopping")]
    private static partial void LogStopping(ILogger logger);
}
