using System.Diagnostics;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Reach;

public sealed record ReachRefreshResult(int ParticipantsRefreshed, int PeriodsRecomputed, TimeSpan Elapsed);

/// <summary>
/// Keeps the reach figures exact. Triggers note the children whose attendance changed; this replaces those
/// children's rows in reach_children (one per child and period) and recomputes the figures of every period they
/// touch, so a dashboard reads a few hundred stored rows instead of counting distinct children over millions.
/// </summary>
public sealed class ReachRefresher(FamilyServicesDb db, TimeProvider clock, ILogger<ReachRefresher> logger)
{
    /// <summary>Children per transaction: a first build of millions of attendances goes in steps, not one huge transaction.</summary>
    public const int BatchSize = 25_000;

    /// <summary>
    /// Any number; it only has to be the same for every portal instance, so only one refreshes at a time. Erasure
    /// (Features/Privacy) takes it too, so re-keying a child's closed rows never interleaves with a refresh.
    /// </summary>
    internal const long LockKey = 0x5EAC4_0001;

    private static readonly string AgeBandCase = "CASE "
        + string.Concat(AgeBand.All.Select(b => $"WHEN age_months >= {b.FromYears * 12} AND age_months < {(b.ToYears + 1) * 12} THEN '{b.Code}' "))
        + "ELSE 'other' END";

    public async Task<ReachRefreshResult> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            var participants = 0;
            int batch;
            do
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
                batch = await RefreshChildrenAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                participants += batch;
            }
            while (batch == BatchSize);

            await using var figures = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, figures, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
            var periods = await RecomputeStalePeriodsAsync(connection, figures, cancellationToken);
            await figures.CommitAsync(cancellationToken);

            if ((participants > 0 || periods > 0) && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Reach figures refreshed: {Participants} children, {Periods} periods in {Elapsed} ms",
                    participants, periods, stopwatch.ElapsedMilliseconds);
            }
            return new ReachRefreshResult(participants, periods, stopwatch.Elapsed);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>Takes a batch of pending children and replaces their rows; returns how many were taken.</summary>
    private static async Task<int> RefreshChildrenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, $"""
            CREATE TEMP TABLE reach_batch ON COMMIT DROP AS
            WITH taken AS (
                DELETE FROM reach_pending_participants
                WHERE participant_id IN (SELECT participant_id FROM reach_pending_participants ORDER BY participant_id LIMIT {BatchSize})
                RETURNING participant_id)
            SELECT participant_id FROM taken
            """, cancellationToken);
        var taken = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT count(*) FROM reach_batch", cancellationToken));
        if (taken == 0) return 0;

        await ExecuteAsync(connection, transaction, $$"""
            ANALYZE reach_batch;
            -- The children's rows as they were, to recompute only the periods where a row appeared, went or changed.
            CREATE TEMP TABLE reach_before ON COMMIT DROP AS
            SELECT c.* FROM reach_children c JOIN reach_batch b USING (participant_id);
            DELETE FROM reach_children c USING reach_batch b WHERE c.participant_id = b.participant_id;

            -- Every present attendance at a held session, in both kinds of period, at the centre's local time.
            CREATE TEMP TABLE reach_presence ON COMMIT DROP AS
            SELECT a.participant_id, p.period_kind, p.period_year, l.local_start, s.offering_id
            FROM reach_batch b
            JOIN attendances a ON a.participant_id = b.participant_id AND a.status = 'Present'
            JOIN sessions s ON s.id = a.session_id AND s.status = 'Held'
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            CROSS JOIN LATERAL (SELECT s.starts_at AT TIME ZONE c.time_zone AS local_start) l
            CROSS JOIN LATERAL fs_reach_periods(l.local_start) p;

            INSERT INTO reach_children (participant_id, period_kind, period_year, district_id, age_band, participations,
                                        offering_ids, offering_participations, months, month_participations)
            WITH per_offering AS (
                SELECT participant_id, period_kind, period_year, offering_id, count(*)::int AS n
                FROM reach_presence GROUP BY 1, 2, 3, 4
            ), offerings_of AS (
                SELECT participant_id, period_kind, period_year,
                       array_agg(offering_id ORDER BY offering_id) AS ids, array_agg(n ORDER BY offering_id) AS ns, sum(n)::int AS total
                FROM per_offering GROUP BY 1, 2, 3
            ), per_month AS (
                SELECT participant_id, period_kind, period_year, extract(month FROM local_start)::int AS month, count(*)::int AS n,
                       min(local_start) AS first_start
                FROM reach_presence GROUP BY 1, 2, 3, 4
            ), months_of AS (
                SELECT participant_id, period_kind, period_year,
                       array_agg(month ORDER BY month) AS months, array_agg(n ORDER BY month) AS ns, min(first_start) AS first_start
                FROM per_month GROUP BY 1, 2, 3
            )
            -- Age at the first attendance in the period, in whole months from the first of the birth month.
            SELECT o.participant_id, o.period_kind, o.period_year, pa.district_id, {{AgeBandCase}}, o.total, o.ids, o.ns, m.months, m.ns
            FROM offerings_of o
            JOIN months_of m USING (participant_id, period_kind, period_year)
            JOIN participants pa ON pa.id = o.participant_id
            CROSS JOIN LATERAL (SELECT (extract(year FROM m.first_start)::int - pa.birth_year) * 12
                                     + (extract(month FROM m.first_start)::int - pa.birth_month) AS age_months) age;

            -- A returning child's new attendance in 2025 leaves their 2023 and 2024 rows as they were: those periods stay.
            INSERT INTO reach_stale_periods (period_kind, period_year)
            SELECT DISTINCT coalesce(n.period_kind, o.period_kind), coalesce(n.period_year, o.period_year)
            FROM (SELECT c.* FROM reach_children c JOIN reach_batch b USING (participant_id)) n
            FULL JOIN reach_before o
              ON o.participant_id = n.participant_id AND o.period_kind = n.period_kind AND o.period_year = n.period_year
            WHERE n.participant_id IS NULL OR o.participant_id IS NULL
               OR (n.district_id, n.age_band, n.participations, n.offering_ids, n.offering_participations, n.months, n.month_participations)
                  IS DISTINCT FROM (o.district_id, o.age_band, o.participations, o.offering_ids, o.offering_participations, o.months, o.month_participations)
            ON CONFLICT DO NOTHING;
            """, cancellationToken);
        return taken;
    }

    /// <summary>Recomputes the figures of every stale period from its children's rows and its held sessions.</summary>
    private async Task<int> RecomputeStalePeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE reach_recompute ON COMMIT DROP AS
            WITH taken AS (DELETE FROM reach_stale_periods RETURNING period_kind, period_year)
            SELECT DISTINCT period_kind, period_year FROM taken
            """, cancellationToken);
        var periods = new List<(string Kind, int Year)>();
        await using (var command = new NpgsqlCommand("SELECT period_kind, period_year FROM reach_recompute ORDER BY 1, 2", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) periods.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, year) in periods)
        {
            var period = ReachPeriodRange.Of(Enum.Parse<ReachPeriodKind>(kind), year);
            await ExecuteAsync(connection, transaction, RecomputePeriodSql, cancellationToken, kind, year, period.FromLocal, period.ToLocal, now);
        }
        return periods.Count;
    }

    /// <summary>
    /// One period: its children's offerings become (child, offering) pairs with the offering's programme, type, category
    /// and centre; each breakdown counts distinct children per group over those pairs (a few per child, not one per
    /// attendance); the held sessions give the session counts and headcounts.
    /// Parameters: $1 period kind, $2 period year, $3 and $4 its local start and end, $5 the time of the refresh.
    /// </summary>
    private const string RecomputePeriodSql = """
        CREATE TEMP TABLE reach_kids ON COMMIT DROP AS
        SELECT c.participant_id, c.participations, c.age_band, d.code AS district_code,
               CASE WHEN d.is_focus_area THEN 'focus' ELSE 'other' END AS focus_area, c.months, c.month_participations,
               c.offering_ids, c.offering_participations
        FROM reach_children c JOIN districts d ON d.id = c.district_id
        WHERE c.period_kind = $1 AND c.period_year = $2;

        CREATE TEMP TABLE reach_pairs ON COMMIT DROP AS
        SELECT k.participant_id, k.district_code, k.focus_area, k.age_band, u.n AS participations,
               pr.code AS programme_code, pr.type AS programme_type, cat.code AS category_code, ce.code AS centre_code
        FROM reach_kids k
        CROSS JOIN LATERAL unnest(k.offering_ids, k.offering_participations) u(offering_id, n)
        JOIN offerings o ON o.id = u.offering_id
        JOIN programmes pr ON pr.id = o.programme_id
        JOIN categories cat ON cat.id = pr.category_id
        JOIN centres ce ON ce.id = o.centre_id;

        CREATE TEMP TABLE reach_held ON COMMIT DROP AS
        SELECT s.id, o.id AS offering_id, c.id AS centre_id, s.headcount_children, s.headcount_adults,
               c.code AS centre_code, pr.code AS programme_code, pr.type AS programme_type, cat.code AS category_code,
               to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM') AS month
        FROM sessions s
        JOIN offerings o ON o.id = s.offering_id
        JOIN centres c ON c.id = o.centre_id
        JOIN programmes pr ON pr.id = o.programme_id
        JOIN categories cat ON cat.id = pr.category_id
        -- The index narrows by UTC with a day to spare; the centre's local time decides.
        WHERE s.status = 'Held' AND s.starts_at >= $3::timestamp - interval '1 day' AND s.starts_at < $4::timestamp + interval '1 day'
          AND s.starts_at AT TIME ZONE c.time_zone >= $3 AND s.starts_at AT TIME ZONE c.time_zone < $4;

        DELETE FROM reach_figures WHERE period_kind = $1 AND period_year = $2;
        INSERT INTO reach_figures (period_kind, period_year, scope, dimension, group_key, distinct_children, participations, sessions_held)
        SELECT $1, $2, scope, dimension, group_key, coalesce(k.children, 0), coalesce(k.participations, 0), s.sessions
        FROM (
            SELECT '' AS scope, 'district' AS dimension, district_code AS group_key, count(*)::int AS children, sum(participations)::int AS participations
            FROM reach_kids GROUP BY 3
            UNION ALL SELECT '', 'ageBand', age_band, count(*), sum(participations) FROM reach_kids GROUP BY 3
            UNION ALL SELECT '', 'focusArea', focus_area, count(*), sum(participations) FROM reach_kids GROUP BY 3
            UNION ALL SELECT '', 'districtAgeBand', district_code || '|' || age_band, count(*), sum(participations) FROM reach_kids GROUP BY 3
            UNION ALL SELECT '', 'month', to_char(make_date(CASE WHEN $1 = 'School' AND m.month < 8 THEN $2 + 1 ELSE $2 END, m.month, 1), 'YYYY-MM'),
                count(*), sum(m.n)
                FROM reach_kids CROSS JOIN LATERAL unnest(months, month_participations) m(month, n) GROUP BY 3
            UNION ALL SELECT '', 'programme', programme_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 3
            UNION ALL SELECT '', 'programmeType', programme_type, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 3
            UNION ALL SELECT '', 'category', category_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 3
            UNION ALL SELECT '', 'centre', centre_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 3
            -- Drill-down: the breakdowns within one programme type, and within one centre.
            UNION ALL SELECT 'programmeType:' || programme_type, 'programme', programme_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'category', category_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'centre', centre_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'district', district_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'ageBand', age_band, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'focusArea', focus_area, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'centre:' || centre_code, 'programme', programme_code, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
            UNION ALL SELECT 'centre:' || centre_code, 'programmeType', programme_type, count(DISTINCT participant_id), sum(participations) FROM reach_pairs GROUP BY 1, 3
        ) k
        FULL JOIN (
            SELECT '' AS scope, 'programme' AS dimension, programme_code AS group_key, count(*)::int AS sessions FROM reach_held GROUP BY 3
            UNION ALL SELECT '', 'programmeType', programme_type, count(*) FROM reach_held GROUP BY 3
            UNION ALL SELECT '', 'category', category_code, count(*) FROM reach_held GROUP BY 3
            UNION ALL SELECT '', 'centre', centre_code, count(*) FROM reach_held GROUP BY 3
            UNION ALL SELECT '', 'month', month, count(*) FROM reach_held GROUP BY 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'programme', programme_code, count(*) FROM reach_held GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'category', category_code, count(*) FROM reach_held GROUP BY 1, 3
            UNION ALL SELECT 'programmeType:' || programme_type, 'centre', centre_code, count(*) FROM reach_held GROUP BY 1, 3
            UNION ALL SELECT 'centre:' || centre_code, 'programme', programme_code, count(*) FROM reach_held GROUP BY 1, 3
            UNION ALL SELECT 'centre:' || centre_code, 'programmeType', programme_type, count(*) FROM reach_held GROUP BY 1, 3
        ) s USING (scope, dimension, group_key);

        DELETE FROM reach_periods WHERE period_kind = $1 AND period_year = $2;
        INSERT INTO reach_periods (period_kind, period_year, distinct_children, participations, anonymous_children, anonymous_adults,
                                   sessions_held, active_offerings, active_centres, refreshed_at)
        SELECT $1, $2, k.children, k.participations, h.anonymous_children, h.anonymous_adults, h.sessions, h.offerings, h.centres, $5
        FROM (SELECT count(*)::int AS children, coalesce(sum(participations), 0)::int AS participations FROM reach_kids) k,
             (SELECT count(*)::int AS sessions, count(DISTINCT offering_id)::int AS offerings, count(DISTINCT centre_id)::int AS centres,
                     coalesce(sum(headcount_children), 0)::int AS anonymous_children, coalesce(sum(headcount_adults), 0)::int AS anonymous_adults
              FROM reach_held) h
        WHERE k.children > 0 OR h.sessions > 0;
        DROP TABLE reach_kids, reach_pairs, reach_held;
        """;

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 1800 };
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = statement.TrimEnd(';');
            if (text.Length == 0 || text.StartsWith("--", StringComparison.Ordinal) && !text.Contains('\n')) continue;
            var command = new NpgsqlBatchCommand(text);
            var count = Enumerable.Range(1, parameters.Length).LastOrDefault(n => text.Contains($"${n}", StringComparison.Ordinal));
            foreach (var value in parameters.Take(count)) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 1800 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
