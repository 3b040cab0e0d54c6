using Npgsql;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Runs again a write that is idempotent by design when the database failed it for a passing reason: the connection
/// dropped or could not be opened (a restart, a failover), or PostgreSQL chose it as a serialization or deadlock
/// victim (40001, 40P01). A few attempts with a short pause between them, then the failure stands and the caller says
/// "not saved": a write whose commit was not confirmed is never reported as saved.
/// <para>
/// Only writes that may run twice with the same outcome come here: the roster's marks (an upsert on session and
/// child; sending the same mark again changes nothing and adds no trail entry). Not retried, because a second run
/// would do something twice or the user must see the conflict: registering a new child (a second child with a new
/// code), the headcount and cancellation forms (the user resends them), imports (one transaction the user repeats),
/// and every editor's save (optimistic concurrency).
/// </para>
/// </summary>
public static class IdempotentWrites
{
    public const int Attempts = 3;

    /// <summary>Pause before the second and the third attempt: long enough for a failover's new connection, short for a person waiting.</summary>
    public static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    public static bool IsTransient(Exception exception)
    {
        if (DatabaseAvailability.IsOutage(exception)) return true;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The server ended the connection (a restart, pg_terminate_backend), or chose this transaction as the victim.
            if (e is PostgresException
                {
                    SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
                })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The write's result, from the first attempt that completes; <paramref name="failed"/> when every attempt failed
    /// transiently. Each attempt must open its own connection and transaction (a broken one cannot be reused).
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, Func<Exception, T> failed, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(cancellationToken);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt == Attempts) return failed(e);
                await Task.Delay(Pauses[attempt - 1], time, cancellationToken);
            }
        }
    }
}
