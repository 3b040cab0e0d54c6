using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Privacy;

/// <summary>
/// How long children's identities are kept: <c>Portal:Privacy:RetentionYears</c> (default 3) full calendar years after
/// the year of their last attendance (or, with none, of their registration), in the city's time zone. Last attendance
/// in May 2022 and 3 years: kept through 31 December 2025, deleted from 1 January 2026.
/// </summary>
public static class RetentionPolicy
{
    public const int DefaultYears = 3;

    /// <summary>Resolved public reports ("report a problem") are deleted this many months after they were resolved.</summary>
    public const int DefaultResolvedReportMonths = 12;

    /// <summary>
    /// The start of a session of the child's latest attendance record (present, absent or excused: any contact), else
    /// when the child was registered. SQL over the alias <c>p</c> for participants.
    /// </summary>
    public const string LastActivitySql =
        "coalesce((SELECT max(s.starts_at) FROM attendances a JOIN sessions s ON s.id = a.session_id WHERE a.participant_id = p.id), p.created_at)";

    /// <summary>
    /// The instant before which a child's last activity must lie to be deleted now: 1 January, 00:00 local time, of
    /// the year <paramref name="years"/> before the current local year.
    /// </summary>
    public static DateTime CutoffUtc(DateTimeOffset now, TimeZoneInfo zone, int years)
    {
        var localYear = TimeZoneInfo.ConvertTime(now, zone).Year;
        var firstKeptYear = new DateTime(localYear - years, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(firstKeptYear, zone);
    }

    public static int Years(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Portal:Privacy:RetentionYears", DefaultYears));

    public static int ResolvedReportMonths(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue("Portal:Privacy:ResolvedReportMonths", DefaultResolvedReportMonths));
}

/// <summary>What a retention run found or did.</summary>
public sealed record RetentionResult(DateTime CutoffUtc, int Participants, int Attendances, int ClosedReachRowsKept, int ResolvedReports, bool DryRun);

/// <summary>
/// Deletes the children past the retention period in batches (one transaction and one audit entry per batch), the
/// same way as an Admin's erasure, so closed years' reach figures stay as they were; and resolved public reports past
/// theirs.
/// </summary>
public sealed partial class RetentionJob(
    FamilyServicesDb db, ParticipantErasure erasure, CurrentCity city, IConfiguration configuration, TimeProvider clock, ILogger<RetentionJob> logger)
{
    /// <summary>Children per transaction and per audit entry.</summary>
    public const int BatchSize = 1_000;

    public Task<RetentionResult> RunAsync(bool dryRun, string actorId, CancellationToken cancellationToken = default) =>
        RunAsync(dryRun, actorId, progress: null, cancellationToken);

    /// <summary>As <see cref="RunAsync(bool, string, CancellationToken)"/>, telling <paramref name="progress"/> the children deleted after each batch.</summary>
    public async Task<RetentionResult> RunAsync(bool dryRun, string actorId, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var years = RetentionPolicy.Years(configuration);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await city.GetAsync(cancellationToken)).TimeZone);
        var now = clock.GetUtcNow();
        var cutoff = RetentionPolicy.CutoffUtc(now, zone, years);
        var reportCutoff = now.UtcDateTime.AddMonths(-RetentionPolicy.ResolvedReportMonths(configuration));
        var reports = db.EntryReports.Where(r => r.ResolvedAt != null && r.ResolvedAt < reportCutoff);

        if (dryRun)
        {
            var due = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM participants p WHERE " + RetentionPolicy.LastActivitySql + " < {0}", cutoff)
                .SingleAsync(cancellationToken);
            return new RetentionResult(cutoff, due, 0, 0, await reports.CountAsync(cancellationToken), DryRun: true);
        }

        var total = ErasureCounts.None;
        while (true)
        {
            var batch = await DueAsync(cutoff, BatchSize, cancellationToken);
            if (batch.Count == 0) break;
            var counts = await erasure.DeleteAsync(batch, AuditAction.RetentionApplied, actorId,
                c => new { count = c.Participants, retentionYears = years, inactiveBefore = cutoff, attendances = c.Attendances, closedReachRowsKept = c.ClosedReachRowsKept },
                inactiveBefore: cutoff, cancellationToken: cancellationToken);
            total = new ErasureCounts(total.Participants + counts.Participants, total.Attendances + counts.Attendances,
                total.AttendanceChanges + counts.AttendanceChanges, total.Enrolments + counts.Enrolments, total.Nicknames + counts.Nicknames,
                total.ClosedReachRowsKept + counts.ClosedReachRowsKept);
            progress?.Report(total.Participants);
            // Only when every child of the batch came back in the meantime; the next query would no longer find them.
            if (counts.Participants == 0) break;
        }
        var deletedReports = await reports.ExecuteDeleteAsync(cancellationToken);

        LogApplied(logger, actorId, total.Participants, total.Attendances, deletedReports, cutoff);
        return new RetentionResult(cutoff, total.Participants, total.Attendances, total.ClosedReachRowsKept, deletedReports, DryRun: false);
    }

    private Task<List<int>> DueAsync(DateTime cutoff, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>(
                "SELECT p.id AS \"Value\" FROM participants p WHERE " + RetentionPolicy.LastActivitySql + " < {0} ORDER BY p.id LIMIT {1}",
                cutoff, limit)
            .ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention applied by {ActorId}: {Participants} children and {Attendances} attendance records inactive since before {Cutoff:o} deleted, {Reports} resolved public reports deleted")]
    private static partial void LogApplied(ILogger logger, string actorId, int participants, int attendances, int reports, DateTime cutoff);
}

/// <summary>
/// Runs retention every <c>Portal:Privacy:RetentionHours</c> (default 24; 0 turns it off, then run
/// <c>privacy retention</c> from the command line). The first run waits a few minutes so a starting portal is not
/// slowed down. Only the instance that runs the background jobs (<see cref="JobLeadership"/>) applies it; an instance
/// that takes over applies it at once, which deletes nothing twice.
/// </summary>
public sealed class RetentionService(
    IServiceScopeFactory scopes, IConfiguration configuration, DatabaseAvailability database, JobLeadership leadership, ILogger<RetentionService> logger)
    : BackgroundService
{
    public const int DefaultHours = 24;
    private static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Portal:Privacy:RetentionHours", DefaultHours);
        if (hours <= 0) return;
        try
        {
            await Task.Delay(FirstRunAfter, stoppingToken);
            await database.Reached.WaitAsync(stoppingToken);
            await leadership.RunWhileLeadingAsync(whileLeading => ApplyPeriodicallyAsync(hours, whileLeading), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Each batch of erasures is one transaction: one cancelled rolls back whole, and the next run takes it again.
            logger.LogInformation("Retention stopped");
        }
    }

    private async Task ApplyPeriodicallyAsync(int hours, CancellationToken whileLeading)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(dryRun: false, AuditTrail.System, whileLeading);
            }
            catch (Exception e) when (whileLeading.IsCancellationRequested)
            {
                throw new OperationCanceledException("Stopping", e, whileLeading);
            }
            catch (Exception e) when (DatabaseAvailability.IsOutage(e))
            {
                database.ReportOutage(e);
                logger.LogWarning("Applying the retention period failed: the database cannot be reached; retrying in {Hours} h", hours);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Applying the retention period failed; retrying in {Hours} h", hours);
            }
        }
        while (await timer.WaitForNextTickAsync(whileLeading));
    }
}
