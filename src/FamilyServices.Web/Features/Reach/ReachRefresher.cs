using System.Diagnostics;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
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

    public Task<ReachRefreshResult> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(progress: null, cancellationToken);

    /// <summary>As <see cref="RefreshAsync(CancellationToken)"/>, telling <paramref name="progress"/> the children refreshed after each batch.</summary>
    public async Task<ReachRefreshResult> RefreshAsync(IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            var participants = 0;
            var batches = 0;
            int periods;
            while (true)
            {
                batches++;
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
                var taken = await RefreshChildrenAsync(connection, transaction, cancellationToken);
                participants += taken;
                progress?.Report(participants);
                if (taken < BatchSize)
                {
                    // The usual case, a few children: their figures are adjusted in the same transaction, so a reader
                    // never sees their rows without the figures that count them.
                    periods = await UpdateFiguresAsync(connection, transaction, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    break;
                }
                // A full batch (a first build, a bulk import): its periods are recomputed whole once all batches are in.
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO reach_stale_periods (period_kind, period_year)
                    SELECT DISTINCT period_kind, period_year FROM reach_changed ON CONFLICT DO NOTHING
                    """, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if ((participants > 0 || periods > 0) && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Reach figures refreshed: {Participants} children, {Periods} periods in {Elapsed} ms",
                    participants, periods, stopwatch.ElapsedMilliseconds);
            }
            PortalMetrics.ReachRefreshDuration.Record(stopwatch.Elapsed.TotalSeconds,
                PortalMetrics.Tag("kind", batches > 1 ? "full" : "incremental"));
            return new ReachRefreshResult(participants, periods, stopwatch.Elapsed);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Takes a batch of pending children and replaces their rows; leaves the rows that appeared, went or changed in
    /// reach_changed (−1 for the old version, +1 for the new one) and returns how many children were taken.
    /// </summary>
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

        await ExecuteAsync(connection, transaction, $$"""
            ANALYZE reach_batch;
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

            -- A returning child's new attendance in 2025 leaves their 2023 and 2024 rows as they were: those rows cancel out.
            CREATE TEMP TABLE reach_after ON COMMIT DROP AS
            SELECT c.* FROM reach_children c JOIN reach_batch b USING (participant_id);
            CREATE TEMP TABLE reach_changed ON COMMIT DROP AS
            SELECT -1 AS sign, * FROM (SELECT * FROM reach_before EXCEPT ALL SELECT * FROM reach_after) went
            UNION ALL
            SELECT 1, * FROM (SELECT * FROM reach_after EXCEPT ALL SELECT * FROM reach_before) came;
            """, cancellationToken);
        return taken;
    }

    private const string ChangedOutsideWholePeriods = "(SELECT * FROM reach_changed c "
        + "WHERE NOT EXISTS (SELECT FROM reach_full f WHERE f.period_kind = c.period_kind AND f.period_year = c.period_year))";

    /// <summary>
    /// Brings the figures up to date in the refresh's last transaction: adjusts them by the changed children's rows,
    /// recounts the sessions of the offerings whose sessions changed, recomputes whole the periods that a catalogue
    /// change or a bulk refresh made stale, then derives each touched period's session figures, key figures and the
    /// spans of years. Returns how many periods it touched.
    /// </summary>
    private async Task<int> UpdateFiguresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, $$"""
            CREATE TEMP TABLE reach_full ON COMMIT DROP AS
            WITH taken AS (DELETE FROM reach_stale_periods RETURNING period_kind, period_year)
            SELECT DISTINCT period_kind, period_year FROM taken;
            CREATE TEMP TABLE reach_offering_keys ON COMMIT DROP AS
            WITH taken AS (DELETE FROM reach_stale_offerings RETURNING period_kind, period_year, offering_id)
            SELECT DISTINCT period_kind, period_year, offering_id FROM taken;
            -- Periods recomputed whole need no adjustments (the last batch of a first build is all such rows).
            CREATE TEMP TABLE reach_delta ON COMMIT DROP AS
            {{ContributionsSql(ChangedOutsideWholePeriods)}};
            -- Only these periods' session counts can have changed: a child present in a group was at one of its held
            -- sessions, so the group's row was already there with its sessions, or its offering was noted too.
            CREATE TEMP TABLE reach_session_periods ON COMMIT DROP AS
            SELECT period_kind, period_year FROM reach_full
            UNION SELECT period_kind, period_year FROM reach_offering_keys;
            CREATE TEMP TABLE reach_touched ON COMMIT DROP AS
            SELECT period_kind, period_year FROM reach_session_periods
            UNION SELECT period_kind, period_year FROM reach_delta
            """, cancellationToken);
        var periods = new List<(string Kind, int Year)>();
        await using (var command = new NpgsqlCommand("SELECT period_kind, period_year FROM reach_full ORDER BY 1, 2", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) periods.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        var touched = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT count(*) FROM reach_touched", cancellationToken));
        if (touched == 0) return 0;

        // Periods recomputed whole need no recount of their offerings either.
        await ExecuteAsync(connection, transaction, """
            INSERT INTO reach_figures AS f (period_kind, period_year, scope, dimension, group_key, distinct_children, participations, sessions_held)
            SELECT period_kind, period_year, scope, dimension, group_key, children, participations, NULL FROM reach_delta
            ON CONFLICT (period_kind, period_year, scope, dimension, group_key) DO UPDATE
            SET distinct_children = f.distinct_children + excluded.distinct_children, participations = f.participations + excluded.participations;

            DELETE FROM reach_offering_months m USING reach_offering_keys k
            WHERE m.period_kind = k.period_kind AND m.period_year = k.period_year AND m.offering_id = k.offering_id;
            INSERT INTO reach_offering_months (period_kind, period_year, offering_id, month, sessions_held, headcount_children, headcount_adults)
            SELECT p.period_kind, p.period_year, s.offering_id, to_char(l.local_start, 'YYYY-MM'), count(*),
                   coalesce(sum(s.headcount_children), 0), coalesce(sum(s.headcount_adults), 0)
            FROM (SELECT DISTINCT offering_id FROM reach_offering_keys) ko
            JOIN sessions s ON s.offering_id = ko.offering_id AND s.status = 'Held'
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            CROSS JOIN LATERAL (SELECT s.starts_at AT TIME ZONE c.time_zone AS local_start) l
            CROSS JOIN LATERAL fs_reach_periods(l.local_start) p
            WHERE EXISTS (SELECT FROM reach_offering_keys k
                          WHERE k.period_kind = p.period_kind AND k.period_year = p.period_year AND k.offering_id = s.offering_id)
              AND NOT EXISTS (SELECT FROM reach_full f WHERE f.period_kind = p.period_kind AND f.period_year = p.period_year)
            GROUP BY 1, 2, 3, 4
            """, cancellationToken);

        if (periods.Count > 0)
        {
            // Whole periods: enough memory for their aggregates not to spill to disk.
            await ExecuteAsync(connection, transaction, "SET LOCAL work_mem = '128MB'", cancellationToken);
            await ExecuteAsync(connection, transaction, OfferingGroupsSql, cancellationToken);
            foreach (var (kind, year) in periods)
            {
                var period = ReachPeriodRange.Of(Enum.Parse<ReachPeriodKind>(kind), year);
                await ExecuteAsync(connection, transaction, RecomputePeriodSql, cancellationToken, kind, year, period.FromLocal, period.ToLocal);
            }
        }

        await ExecuteAsync(connection, transaction, SessionFiguresSql, cancellationToken, clock.GetUtcNow().UtcDateTime);
        await UpdateSpansAsync(connection, transaction, rebuild: periods.Count > 0, cancellationToken);
        return touched;
    }

    /// <summary>
    /// The distinct children of every span of years. Adjusted by the changed children's years where the stored spans
    /// cover them; counted again from reach_children after a whole-period recompute or when a year appears for the
    /// first time (a handful of times a year).
    /// </summary>
    private static async Task UpdateSpansAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool rebuild, CancellationToken cancellationToken)
    {
        rebuild = rebuild || (bool)(await ScalarAsync(connection, transaction, """
            SELECT EXISTS (SELECT FROM reach_changed c WHERE c.sign > 0 AND NOT EXISTS (
                SELECT FROM reach_spans s WHERE s.period_kind = c.period_kind AND s.from_year = c.period_year AND s.to_year = c.period_year))
            """, cancellationToken))!;
        if (rebuild)
        {
            await ExecuteAsync(connection, transaction, """
                DELETE FROM reach_spans;
                INSERT INTO reach_spans (period_kind, from_year, to_year, distinct_children)
                WITH per_child AS (
                    SELECT period_kind, array_agg(period_year ORDER BY period_year) AS years FROM reach_children GROUP BY participant_id, period_kind
                ), per_years AS (
                    -- Children with the same years together: a few dozen rows to test against each span, not one per child.
                    SELECT period_kind, years, count(*) AS children FROM per_child GROUP BY 1, 2
                ), spans AS (
                    SELECT y.period_kind, f.year AS from_year, t.year AS to_year, array(SELECT generate_series(f.year, t.year)) AS years
                    FROM (SELECT period_kind, min(period_year) AS first, max(period_year) AS last FROM reach_children GROUP BY 1) y
                    CROSS JOIN LATERAL generate_series(y.first, y.last) f(year)
                    CROSS JOIN LATERAL generate_series(f.year, y.last) t(year)
                )
                SELECT s.period_kind, s.from_year, s.to_year, coalesce(sum(c.children), 0)
                FROM spans s LEFT JOIN per_years c ON c.period_kind = s.period_kind AND c.years && s.years
                GROUP BY 1, 2, 3
                """, cancellationToken);
            return;
        }
        await ExecuteAsync(connection, transaction, """
            WITH years AS (
                SELECT participant_id, period_kind,
                       coalesce(array_agg(period_year) FILTER (WHERE sign < 0), '{}') AS before,
                       coalesce(array_agg(period_year) FILTER (WHERE sign > 0), '{}') AS after
                FROM (SELECT -1 AS sign, participant_id, period_kind, period_year FROM reach_before
                      UNION ALL SELECT 1, participant_id, period_kind, period_year FROM reach_after) r
                WHERE participant_id IN (SELECT participant_id FROM reach_changed)
                GROUP BY 1, 2
            ), delta AS (
                SELECT s.period_kind, s.from_year, s.to_year, sum((y.after && x.years)::int - (y.before && x.years)::int)::int AS children
                FROM years y
                JOIN reach_spans s ON s.period_kind = y.period_kind
                CROSS JOIN LATERAL (SELECT array(SELECT generate_series(s.from_year, s.to_year)) AS years) x
                GROUP BY 1, 2, 3
            )
            UPDATE reach_spans s SET distinct_children = s.distinct_children + d.children
            FROM delta d
            WHERE d.children <> 0 AND s.period_kind = d.period_kind AND s.from_year = d.from_year AND s.to_year = d.to_year
            """, cancellationToken);
    }

    // The groups a child counts in once, whatever they came to, and the groups of the offerings they came to.
    private const string ChildGroups = """
        ('', 'district', district_code), ('', 'ageBand', age_band), ('', 'focusArea', focus_area),
        ('', 'districtAgeBand', district_code || '|' || age_band)
        """;

    private const string OfferingGroups = """
        ('', 'programme', programme_code), ('', 'programmeType', programme_type), ('', 'category', category_code),
        ('', 'centre', centre_code),
        -- Drill-down: the breakdowns within one programme type, and within one centre.
        ('programmeType:' || programme_type, 'programme', programme_code), ('programmeType:' || programme_type, 'category', category_code),
        ('programmeType:' || programme_type, 'centre', centre_code), ('centre:' || centre_code, 'programme', programme_code),
        ('centre:' || centre_code, 'programmeType', programme_type)
        """;

    // The month of a child's row (months holds 1-12): a school year's January to July fall in the following calendar year.
    private const string MonthKey =
        "to_char(make_date(CASE WHEN period_kind = 'School' AND m.month < 8 THEN period_year + 1 ELSE period_year END, m.month, 1), 'YYYY-MM')";

    // A child's offerings' groups that also carry the child's own groups (drill-down within a programme type).
    private const string OfferingChildGroups = """
        ('programmeType:' || programme_type, 'district', district_code), ('programmeType:' || programme_type, 'ageBand', age_band),
        ('programmeType:' || programme_type, 'focusArea', focus_area)
        """;

    /// <summary>
    /// What the rows of <paramref name="rows"/> (reach_children's columns after a leading sign, +1 or −1) add to each
    /// group: each child once per group (however many of its offerings they came to) and their participations. Summed
    /// over all of a period's rows with +1 it is the period's figures; over a child's old row with −1 and new row with
    /// +1 it is exactly what their change does to the figures, group by group.
    /// </summary>
    private static string ContributionsSql(string rows) => $"""
        WITH kids AS (
            SELECT k.sign, k.participant_id, k.period_kind, k.period_year, k.participations, k.age_band, d.code AS district_code,
                   CASE WHEN d.is_focus_area THEN 'focus' ELSE 'other' END AS focus_area, k.months, k.month_participations,
                   k.offering_ids, k.offering_participations
            FROM {rows} k JOIN districts d ON d.id = k.district_id
        ), pairs AS (
            SELECT k.sign, k.participant_id, k.period_kind, k.period_year, k.district_code, k.focus_area, k.age_band, u.n AS participations,
                   pr.code AS programme_code, pr.type AS programme_type, cat.code AS category_code, ce.code AS centre_code
            FROM kids k
            CROSS JOIN LATERAL unnest(k.offering_ids, k.offering_participations) u(offering_id, n)
            JOIN offerings o ON o.id = u.offering_id
            JOIN programmes pr ON pr.id = o.programme_id
            JOIN categories cat ON cat.id = pr.category_id
            JOIN centres ce ON ce.id = o.centre_id
        ), contributions AS (
            SELECT sign, period_kind, period_year, g.scope, g.dimension, g.group_key, 1 AS children, participations
            FROM kids CROSS JOIN LATERAL (VALUES {ChildGroups}) g(scope, dimension, group_key)
            UNION ALL
            SELECT sign, period_kind, period_year, '', 'month', {MonthKey}, 1, m.n
            FROM kids CROSS JOIN LATERAL unnest(months, month_participations) m(month, n)
            UNION ALL
            SELECT sign, period_kind, period_year, g.scope, g.dimension, g.group_key, 1, sum(participations)
            FROM pairs CROSS JOIN LATERAL (VALUES {OfferingGroups}, {OfferingChildGroups}) g(scope, dimension, group_key)
            GROUP BY sign, participant_id, period_kind, period_year, g.scope, g.dimension, g.group_key
        )
        SELECT period_kind, period_year, scope, dimension, group_key, sum(sign * children)::int AS children, sum(sign * participations)::int AS participations
        FROM contributions
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(sign * children) <> 0 OR sum(sign * participations) <> 0
        """;

    /// <summary>
    /// Every offering's groups (<see cref="OfferingGroups"/>), numbered, for the whole-period recompute: a child's
    /// offerings then fall into groups by a small integer, not by the groups' text.
    /// </summary>
    private static readonly string OfferingGroupsSql = $"""
        CREATE TEMP TABLE reach_offering_groups ON COMMIT DROP AS
        WITH groups AS (
            SELECT o.id AS offering_id, g.scope, g.dimension, g.group_key
            FROM offerings o
            JOIN (SELECT p.id, p.code AS programme_code, p.type AS programme_type, cat.code AS category_code
                  FROM programmes p JOIN categories cat ON cat.id = p.category_id) pr ON pr.id = o.programme_id
            JOIN (SELECT id, code AS centre_code FROM centres) ce ON ce.id = o.centre_id
            CROSS JOIN LATERAL (VALUES {OfferingGroups}) g(scope, dimension, group_key)
        )
        SELECT offering_id, scope, dimension, group_key, dense_rank() OVER (ORDER BY scope, dimension, group_key)::int AS group_id FROM groups;
        ANALYZE reach_offering_groups
        """;

    /// <summary>
    /// One period whole, from all its rows in reach_children (one per child, so a child's own groups are a plain
    /// count) and its offerings' sessions per month from the sessions table. The adjusting statement
    /// (<see cref="ContributionsSql"/>) would give the same figures, but it sums each child into every group of each
    /// of their offerings before counting, a hash of millions of wide rows; here a child at one offering (most
    /// children) counts in that offering's groups as they are, and only children at several offerings are summed per
    /// group first, by the groups' numbers. Parameters: $1 period kind, $2 period year, $3 and $4 its local start and end.
    /// </summary>
    private static readonly string RecomputePeriodSql = $"""
        CREATE TEMP TABLE reach_kids ON COMMIT DROP AS
        SELECT c.participant_id, c.participations, c.age_band, d.code AS district_code,
               CASE WHEN d.is_focus_area THEN 'focus' ELSE 'other' END AS focus_area, c.months, c.month_participations,
               c.offering_ids, c.offering_participations
        FROM reach_children c JOIN districts d ON d.id = c.district_id
        WHERE c.period_kind = $1 AND c.period_year = $2;

        -- One row per child and programme type they came to, with the child's own groups, for the drill-down by type.
        CREATE TEMP TABLE reach_kid_types ON COMMIT DROP AS
        SELECT k.district_code, k.age_band, k.focus_area, pr.type AS programme_type, k.participations
        FROM reach_kids k JOIN offerings o ON o.id = k.offering_ids[1] JOIN programmes pr ON pr.id = o.programme_id
        WHERE cardinality(k.offering_ids) = 1
        UNION ALL
        SELECT k.district_code, k.age_band, k.focus_area, pr.type, sum(u.n)
        FROM reach_kids k
        CROSS JOIN LATERAL unnest(k.offering_ids, k.offering_participations) u(offering_id, n)
        JOIN offerings o ON o.id = u.offering_id
        JOIN programmes pr ON pr.id = o.programme_id
        WHERE cardinality(k.offering_ids) > 1
        GROUP BY k.participant_id, k.district_code, k.age_band, k.focus_area, pr.type;

        DELETE FROM reach_figures WHERE period_kind = $1 AND period_year = $2;
        INSERT INTO reach_figures (period_kind, period_year, scope, dimension, group_key, distinct_children, participations, sessions_held)
        WITH per_offering_group AS (
            SELECT og.group_id, count(*) AS children, sum(k.participations) AS participations
            FROM reach_kids k JOIN reach_offering_groups og ON og.offering_id = k.offering_ids[1]
            WHERE cardinality(k.offering_ids) = 1
            GROUP BY 1
            UNION ALL
            SELECT group_id, count(*), sum(n)
            FROM (SELECT k.participant_id, og.group_id, sum(u.n) AS n
                  FROM reach_kids k
                  CROSS JOIN LATERAL unnest(k.offering_ids, k.offering_participations) u(offering_id, n)
                  JOIN reach_offering_groups og ON og.offering_id = u.offering_id
                  WHERE cardinality(k.offering_ids) > 1
                  GROUP BY 1, 2) per_child
            GROUP BY 1
        ), figures AS (
            SELECT g.scope, g.dimension, g.group_key, sum(p.children) AS children, sum(p.participations) AS participations
            FROM per_offering_group p
            JOIN (SELECT DISTINCT group_id, scope, dimension, group_key FROM reach_offering_groups) g USING (group_id)
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT g.scope, g.dimension, g.group_key, count(*), sum(participations)
            FROM reach_kids CROSS JOIN LATERAL (VALUES {ChildGroups}) g(scope, dimension, group_key)
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT g.scope, g.dimension, g.group_key, count(*), sum(participations)
            FROM reach_kid_types CROSS JOIN LATERAL (VALUES {OfferingChildGroups}) g(scope, dimension, group_key)
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT '', 'month', {MonthKey}, count(*), sum(m.n)
            FROM (SELECT $1::text AS period_kind, $2::int AS period_year, months, month_participations FROM reach_kids) k
            CROSS JOIN LATERAL unnest(k.months, k.month_participations) m(month, n)
            GROUP BY 3
        )
        SELECT $1, $2, scope, dimension, group_key, children, participations, NULL FROM figures;
        DROP TABLE reach_kids, reach_kid_types;

        DELETE FROM reach_offering_months WHERE period_kind = $1 AND period_year = $2;
        INSERT INTO reach_offering_months (period_kind, period_year, offering_id, month, sessions_held, headcount_children, headcount_adults)
        SELECT $1, $2, s.offering_id, to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM'), count(*),
               coalesce(sum(s.headcount_children), 0), coalesce(sum(s.headcount_adults), 0)
        FROM sessions s
        JOIN offerings o ON o.id = s.offering_id
        JOIN centres c ON c.id = o.centre_id
        -- The index narrows by UTC with a day to spare; the centre's local time decides.
        WHERE s.status = 'Held' AND s.starts_at >= $3::timestamp - interval '1 day' AND s.starts_at < $4::timestamp + interval '1 day'
          AND s.starts_at AT TIME ZONE c.time_zone >= $3 AND s.starts_at AT TIME ZONE c.time_zone < $4
        GROUP BY 3, 4
        """;

    /// <summary>
    /// The session figures of the periods whose offerings' sessions changed, from their offerings' months (a few
    /// thousand rows, not the sessions table), then the key figures of every touched period: children and participations are the sums over the focus-area groups, which
    /// hold every child exactly once. Parameter: $1 the time of the refresh.
    /// </summary>
    private static readonly string SessionFiguresSql = $"""
        CREATE TEMP TABLE reach_session_groups ON COMMIT DROP AS
        WITH per_group AS (
            SELECT m.period_kind, m.period_year, pr.code AS programme_code, pr.type AS programme_type, cat.code AS category_code,
                   ce.code AS centre_code, m.month, sum(m.sessions_held)::int AS sessions
            FROM reach_offering_months m
            JOIN reach_session_periods t ON t.period_kind = m.period_kind AND t.period_year = m.period_year
            JOIN offerings o ON o.id = m.offering_id
            JOIN programmes pr ON pr.id = o.programme_id
            JOIN categories cat ON cat.id = pr.category_id
            JOIN centres ce ON ce.id = o.centre_id
            GROUP BY 1, 2, 3, 4, 5, 6, 7
        )
        SELECT period_kind, period_year, g.scope, g.dimension, g.group_key, sum(sessions)::int AS sessions
        FROM per_group CROSS JOIN LATERAL (VALUES {OfferingGroups}, ('', 'month', month)) g(scope, dimension, group_key)
        GROUP BY 1, 2, 3, 4, 5;

        UPDATE reach_figures f SET sessions_held = NULL
        FROM reach_session_periods t
        WHERE f.period_kind = t.period_kind AND f.period_year = t.period_year AND f.sessions_held IS NOT NULL
          AND NOT EXISTS (SELECT FROM reach_session_groups s WHERE s.period_kind = f.period_kind AND s.period_year = f.period_year
                          AND s.scope = f.scope AND s.dimension = f.dimension AND s.group_key = f.group_key);
        INSERT INTO reach_figures AS f (period_kind, period_year, scope, dimension, group_key, distinct_children, participations, sessions_held)
        SELECT period_kind, period_year, scope, dimension, group_key, 0, 0, sessions FROM reach_session_groups
        ON CONFLICT (period_kind, period_year, scope, dimension, group_key) DO UPDATE SET sessions_held = excluded.sessions_held
        WHERE f.sessions_held IS DISTINCT FROM excluded.sessions_held;
        -- A group stays while it has a child or a held session (an open meeting counts sessions, nobody by name).
        DELETE FROM reach_figures f USING reach_touched t
        WHERE f.period_kind = t.period_kind AND f.period_year = t.period_year AND f.distinct_children = 0 AND f.sessions_held IS NULL;

        DELETE FROM reach_periods p USING reach_touched t WHERE p.period_kind = t.period_kind AND p.period_year = t.period_year;
        INSERT INTO reach_periods (period_kind, period_year, distinct_children, participations, anonymous_children, anonymous_adults,
                                   sessions_held, active_offerings, active_centres, refreshed_at)
        SELECT t.period_kind, t.period_year, k.children, k.participations, h.anonymous_children, h.anonymous_adults,
               h.sessions, h.offerings, h.centres, $1
        FROM reach_touched t
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(distinct_children), 0)::int AS children, coalesce(sum(participations), 0)::int AS participations
            FROM reach_figures f
            WHERE f.period_kind = t.period_kind AND f.period_year = t.period_year AND f.scope = '' AND f.dimension = 'focusArea') k
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(m.sessions_held), 0)::int AS sessions, count(DISTINCT m.offering_id)::int AS offerings,
                   count(DISTINCT o.centre_id)::int AS centres, coalesce(sum(m.headcount_children), 0)::int AS anonymous_children,
                   coalesce(sum(m.headcount_adults), 0)::int AS anonymous_adults
            FROM reach_offering_months m JOIN offerings o ON o.id = m.offering_id
            WHERE m.period_kind = t.period_kind AND m.period_year = t.period_year) h
        WHERE k.children > 0 OR h.sessions > 0
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
