using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Privacy;

/// <summary>What one erasure removed, and how many of the children's reach rows of closed periods stay, re-keyed.</summary>
public sealed record ErasureCounts(int Participants, int Attendances, int AttendanceChanges, int Enrolments, int Nicknames, int ClosedReachRowsKept)
{
    public static readonly ErasureCounts None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>Why an Admin erased a child: a fixed choice, never free text about the child.</summary>
public enum ErasureReason { FamilyRequest, Other }

/// <summary>
/// Deletes children (their participant row, attendance, attendance changes, enrolments and nicknames) while keeping
/// every figure of closed reach periods exactly as it was (decision 0009): the reach rows are brought up to date
/// first, then, in one transaction under the reach refresher's lock, the children's rows of closed periods are
/// re-keyed to fresh negative ids, the children are deleted and the audit entry is staged. The refresher then only
/// drops their rows of open periods; it works from pending participant ids, which are never negative.
/// </summary>
public sealed partial class ParticipantErasure(
    FamilyServicesDb db, ReachRefresher refresher, AuditTrail audit, CurrentCity city, TimeProvider clock, ILogger<ParticipantErasure> logger)
{
    /// <summary>How often a child whose attendance changed between the refresh and the lock is refreshed again before giving up.</summary>
    private const int Attempts = 5;

    /// <summary>Erases one child on an Admin's request; null when there is no such participant.</summary>
    public async Task<ErasureCounts?> EraseAsync(int participantId, ErasureReason reason, string actorId, CancellationToken cancellationToken = default)
    {
        var counts = await DeleteAsync([participantId], AuditAction.ParticipantErased, actorId,
            c => new
            {
                reason = reason == ErasureReason.FamilyRequest ? "familyRequest" : "other",
                attendances = c.Attendances, attendanceChanges = c.AttendanceChanges, enrolments = c.Enrolments,
                nicknames = c.Nicknames, closedReachRowsKept = c.ClosedReachRowsKept,
            }, cancellationToken: cancellationToken);
        if (counts.Participants == 0) return null;
        LogErased(logger, actorId, counts.Attendances, counts.ClosedReachRowsKept);
        return counts;
    }

    /// <summary>
    /// Deletes the given children (those that still exist) as described above and records one audit entry with
    /// <paramref name="action"/> and the details made from the counts, in the same transaction. Afterwards the reach
    /// figures are refreshed, so the open periods no longer count them and no pending id remains.
    /// </summary>
    /// <param name="inactiveBefore">
    /// For retention: only children whose last attendance (or, with none, their creation) lies before this instant are
    /// deleted, checked again under the lock, so a child who came back in the meantime stays.
    /// </param>
    public async Task<ErasureCounts> DeleteAsync(IReadOnlyCollection<int> participantIds, AuditAction action, string actorId,
        Func<ErasureCounts, object> details, DateTime? inactiveBefore = null, CancellationToken cancellationToken = default)
    {
        if (participantIds.Count == 0) return ErasureCounts.None;
        var ids = participantIds.Distinct().ToArray();
        var (calendar, school) = await LastClosedYearsAsync(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            // The closed rows must hold every attendance the child had: bring them up to date before freezing them.
            await refresher.RefreshAsync(cancellationToken);
            var counts = await DeleteInOneTransactionAsync(ids, calendar, school, inactiveBefore, action, actorId, details, cancellationToken);
            if (counts is null)
            {
                if (attempt < Attempts) continue;
                throw new InvalidOperationException("The children's attendance kept changing while they were being erased; nothing was deleted.");
            }
            await refresher.RefreshAsync(cancellationToken);
            return counts;
        }
    }

    /// <summary>Null (and nothing done) when a child's attendance changed after the refresh, so their rows are not current.</summary>
    private async Task<ErasureCounts?> DeleteInOneTransactionAsync(int[] ids, int lastClosedCalendarYear, int lastClosedSchoolYear,
        DateTime? inactiveBefore, AuditAction action, string actorId, Func<ErasureCounts, object> details, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ReachRefresher.LockKey], cancellationToken);

            var existing = inactiveBefore is { } before
                ? await db.Database.SqlQueryRaw<int>(
                    "SELECT p.id AS \"Value\" FROM participants p WHERE p.id = ANY({0}) AND " + RetentionPolicy.LastActivitySql + " < {1} ORDER BY p.id FOR UPDATE",
                    Ids(ids), before).ToListAsync(cancellationToken)
                : await db.Database.SqlQueryRaw<int>(
                    "SELECT id AS \"Value\" FROM participants WHERE id = ANY({0}) ORDER BY id FOR UPDATE", Ids(ids)).ToListAsync(cancellationToken);
            if (existing.Count == 0) return ErasureCounts.None;
            var present = existing.ToArray();

            var stillPending = await db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM reach_pending_participants WHERE participant_id = ANY({0})", Ids(present))
                .SingleAsync(cancellationToken);
            if (stillPending > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            // Re-keyed, a child's closed rows count as another child in the spans of years (reach_spans), while the
            // next refresh takes them out where their open rows were. A span holding both was one child and stays one.
            await db.Database.ExecuteSqlRawAsync("""
                WITH rows AS (
                    SELECT participant_id, period_kind, period_year,
                           (period_kind = 'Calendar' AND period_year <= {1}) OR (period_kind = 'School' AND period_year <= {2}) AS closed
                    FROM reach_children WHERE participant_id = ANY({0})
                ), years AS (
                    SELECT period_kind, array_agg(period_year) FILTER (WHERE closed) AS closed_years,
                           array_agg(period_year) FILTER (WHERE NOT closed) AS open_years
                    FROM rows GROUP BY participant_id, period_kind
                ), both_kept AS (
                    SELECT s.period_kind, s.from_year, s.to_year, count(*)::int AS children
                    FROM years y JOIN reach_spans s ON s.period_kind = y.period_kind
                    CROSS JOIN LATERAL (SELECT array(SELECT generate_series(s.from_year, s.to_year)) AS span_years) x
                    WHERE y.closed_years && x.span_years AND y.open_years && x.span_years
                    GROUP BY 1, 2, 3
                )
                UPDATE reach_spans s SET distinct_children = s.distinct_children + b.children
                FROM both_kept b WHERE s.period_kind = b.period_kind AND s.from_year = b.from_year AND s.to_year = b.to_year
                """, [Ids(present), lastClosedCalendarYear, lastClosedSchoolYear], cancellationToken);

            // One fresh negative id per child, the same for all of that child's closed rows.
            var kept = await db.Database.ExecuteSqlRawAsync("""
                WITH erased AS MATERIALIZED (
                    SELECT id, -nextval('reach_erased_child_ids')::integer AS surrogate FROM unnest({0}) id
                    WHERE EXISTS (SELECT FROM reach_children c WHERE c.participant_id = id
                                  AND ((c.period_kind = 'Calendar' AND c.period_year <= {1}) OR (c.period_kind = 'School' AND c.period_year <= {2}))))
                UPDATE reach_children c SET participant_id = e.surrogate
                FROM erased e
                WHERE c.participant_id = e.id
                  AND ((c.period_kind = 'Calendar' AND c.period_year <= {1}) OR (c.period_kind = 'School' AND c.period_year <= {2}))
                """, [Ids(present), lastClosedCalendarYear, lastClosedSchoolYear], cancellationToken);

            var changes = await db.Database.ExecuteSqlRawAsync("DELETE FROM attendance_changes WHERE participant_id = ANY({0})", [Ids(present)], cancellationToken);
            var attendances = await db.Database.ExecuteSqlRawAsync("DELETE FROM attendances WHERE participant_id = ANY({0})", [Ids(present)], cancellationToken);
            var enrolments = await db.Database.ExecuteSqlRawAsync("DELETE FROM enrolments WHERE participant_id = ANY({0})", [Ids(present)], cancellationToken);
            var nicknames = await db.Database.ExecuteSqlRawAsync("DELETE FROM participant_nicknames WHERE participant_id = ANY({0})", [Ids(present)], cancellationToken);
            var participants = await db.Database.ExecuteSqlRawAsync("DELETE FROM participants WHERE id = ANY({0})", [Ids(present)], cancellationToken);

            var counts = new ErasureCounts(participants, attendances, changes, enrolments, nicknames, kept);
            await audit.AddAsync(action, centreId: null, present, details(counts), actorId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return counts;
        });
    }

    /// <summary>
    /// The last calendar year and school year that have ended (their last day, in the city's time zone, lies before
    /// today): their figures are final and must never change again.
    /// </summary>
    public async Task<(int Calendar, int School)> LastClosedYearsAsync(CancellationToken cancellationToken = default)
    {
        var profile = await city.GetAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        return LastClosedYears(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    public static (int Calendar, int School) LastClosedYears(DateTime nowLocal)
    {
        static int LastClosed(ReachPeriodKind kind, DateTime now)
        {
            var year = now.Year;
            while (ReachPeriodRange.Of(kind, year).ToLocal > now) year--;
            return year;
        }
        return (LastClosed(ReachPeriodKind.Calendar, nowLocal), LastClosed(ReachPeriodKind.School, nowLocal));
    }

    private static NpgsqlParameter Ids(int[] ids) => new() { Value = ids, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer };

    [LoggerMessage(Level = LogLevel.Information, Message = "A participant was erased by {ActorId}: {Attendances} attendance records deleted, {ClosedReachRows} closed-period reach rows kept without identity")]
    private static partial void LogErased(ILogger logger, string actorId, int attendances, int closedReachRows);
}
