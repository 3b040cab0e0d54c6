namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The reach figures counted the slow, obvious way, straight from the attendance table (COUNT(DISTINCT) per group),
/// written independently of the refresher: the period of a session is its year in the centre's local time (the
/// school year starts in August), a child's age band is taken at their first presence in the period, a month is the
/// local month of the session. Rows are shaped like <c>reach_figures</c> and <c>reach_periods</c> (without
/// refreshed_at), so the stored tables can be compared with them row for row.
/// </summary>
public static class ReachOracle
{
    private const string Presence = """
        WITH presence AS (
            SELECT a.participant_id, per.kind AS period_kind, per.year AS period_year, l.local_start,
                   pr.code AS programme, pr.type AS programme_type, cat.code AS category, c.code AS centre
            FROM attendances a
            JOIN sessions s ON s.id = a.session_id
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            JOIN programmes pr ON pr.id = o.programme_id
            JOIN categories cat ON cat.id = pr.category_id
            CROSS JOIN LATERAL (SELECT s.starts_at AT TIME ZONE c.time_zone AS local_start) l
            CROSS JOIN LATERAL (VALUES
                ('Calendar', date_part('year', l.local_start)::int),
                ('School', CASE WHEN date_part('month', l.local_start) >= 8 THEN date_part('year', l.local_start)::int
                                ELSE date_part('year', l.local_start)::int - 1 END)) per(kind, year)
            WHERE a.status = 'Present' AND s.status = 'Held'
        ), child AS (
            SELECT ch.participant_id, ch.period_kind, ch.period_year, d.code AS district,
                   CASE WHEN d.is_focus_area THEN 'focus' ELSE 'other' END AS focus,
                   CASE floor(((date_part('year', ch.first_start) - pa.birth_year) * 12
                               + date_part('month', ch.first_start) - pa.birth_month) / 12.0)
                        WHEN 0 THEN '0-2' WHEN 1 THEN '0-2' WHEN 2 THEN '0-2'
                        WHEN 3 THEN '3-5' WHEN 4 THEN '3-5' WHEN 5 THEN '3-5'
                        WHEN 6 THEN '6-9' WHEN 7 THEN '6-9' WHEN 8 THEN '6-9' WHEN 9 THEN '6-9'
                        WHEN 10 THEN '10-13' WHEN 11 THEN '10-13' WHEN 12 THEN '10-13' WHEN 13 THEN '10-13'
                        WHEN 14 THEN '14-17' WHEN 15 THEN '14-17' WHEN 16 THEN '14-17' WHEN 17 THEN '14-17'
                        ELSE 'other' END AS age_band
            FROM (SELECT participant_id, period_kind, period_year, min(local_start) AS first_start FROM presence GROUP BY 1, 2, 3) ch
            JOIN participants pa ON pa.id = ch.participant_id
            JOIN districts d ON d.id = pa.district_id
        ), held AS (
            SELECT s.id, s.offering_id, c.id AS centre_id, s.headcount_children, s.headcount_adults, per.kind AS period_kind, per.year AS period_year,
                   to_char(l.local_start, 'YYYY-MM') AS month, pr.code AS programme, pr.type AS programme_type, cat.code AS category, c.code AS centre
            FROM sessions s
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            JOIN programmes pr ON pr.id = o.programme_id
            JOIN categories cat ON cat.id = pr.category_id
            CROSS JOIN LATERAL (SELECT s.starts_at AT TIME ZONE c.time_zone AS local_start) l
            CROSS JOIN LATERAL (VALUES
                ('Calendar', date_part('year', l.local_start)::int),
                ('School', CASE WHEN date_part('month', l.local_start) >= 8 THEN date_part('year', l.local_start)::int
                                ELSE date_part('year', l.local_start)::int - 1 END)) per(kind, year)
            WHERE s.status = 'Held'
        )
        """;

    /// <summary>period_kind|period_year|scope|dimension|group_key|distinct_children|participations|sessions_held, like reach_figures.</summary>
    public const string Figures = Presence + """
        , children AS (
            SELECT p.period_kind, p.period_year, g.scope, g.dimension, g.group_key,
                   count(DISTINCT p.participant_id)::int AS distinct_children, count(*)::int AS participations
            FROM presence p
            JOIN child c USING (participant_id, period_kind, period_year)
            CROSS JOIN LATERAL (VALUES
                ('', 'programme', p.programme), ('', 'programmeType', p.programme_type), ('', 'category', p.category),
                ('', 'centre', p.centre), ('', 'district', c.district), ('', 'ageBand', c.age_band), ('', 'focusArea', c.focus),
                ('', 'districtAgeBand', c.district || '|' || c.age_band), ('', 'month', to_char(p.local_start, 'YYYY-MM')),
                ('programmeType:' || p.programme_type, 'programme', p.programme),
                ('programmeType:' || p.programme_type, 'category', p.category),
                ('programmeType:' || p.programme_type, 'centre', p.centre),
                ('programmeType:' || p.programme_type, 'district', c.district),
                ('programmeType:' || p.programme_type, 'ageBand', c.age_band),
                ('programmeType:' || p.programme_type, 'focusArea', c.focus),
                ('centre:' || p.centre, 'programme', p.programme),
                ('centre:' || p.centre, 'programmeType', p.programme_type)) g(scope, dimension, group_key)
            GROUP BY 1, 2, 3, 4, 5
        ), sessions_per_group AS (
            SELECT h.period_kind, h.period_year, g.scope, g.dimension, g.group_key, count(*)::int AS sessions_held
            FROM held h
            CROSS JOIN LATERAL (VALUES
                ('', 'programme', h.programme), ('', 'programmeType', h.programme_type), ('', 'category', h.category),
                ('', 'centre', h.centre), ('', 'month', h.month),
                ('programmeType:' || h.programme_type, 'programme', h.programme),
                ('programmeType:' || h.programme_type, 'category', h.category),
                ('programmeType:' || h.programme_type, 'centre', h.centre),
                ('centre:' || h.centre, 'programme', h.programme),
                ('centre:' || h.centre, 'programmeType', h.programme_type)) g(scope, dimension, group_key)
            GROUP BY 1, 2, 3, 4, 5
        )
        SELECT period_kind, period_year, scope, dimension, group_key,
               coalesce(c.distinct_children, 0), coalesce(c.participations, 0), s.sessions_held
        FROM children c FULL JOIN sessions_per_group s USING (period_kind, period_year, scope, dimension, group_key)
        """;

    /// <summary>period_kind|period_year|distinct_children|participations|anonymous children|adults|sessions|offerings|centres, like reach_periods.</summary>
    public const string Periods = Presence + """
        , per_period AS (
            SELECT period_kind, period_year FROM presence UNION SELECT period_kind, period_year FROM held
        )
        SELECT pp.period_kind, pp.period_year,
               (SELECT count(DISTINCT participant_id) FROM presence p WHERE p.period_kind = pp.period_kind AND p.period_year = pp.period_year),
               (SELECT count(*) FROM presence p WHERE p.period_kind = pp.period_kind AND p.period_year = pp.period_year),
               (SELECT coalesce(sum(headcount_children), 0) FROM held h WHERE h.period_kind = pp.period_kind AND h.period_year = pp.period_year),
               (SELECT coalesce(sum(headcount_adults), 0) FROM held h WHERE h.period_kind = pp.period_kind AND h.period_year = pp.period_year),
               (SELECT count(*) FROM held h WHERE h.period_kind = pp.period_kind AND h.period_year = pp.period_year),
               (SELECT count(DISTINCT offering_id) FROM held h WHERE h.period_kind = pp.period_kind AND h.period_year = pp.period_year),
               (SELECT count(DISTINCT centre_id) FROM held h WHERE h.period_kind = pp.period_kind AND h.period_year = pp.period_year)
        FROM per_period pp
        """;

    /// <summary>
    /// Every way the stored spans of years (reach_spans) are wrong: a span whose count differs from the distinct children
    /// present in its years, a year with presence but no span, two spanned years without the span between them.
    /// </summary>
    public const string SpanErrors = Presence + """
        , spanned AS (SELECT period_kind, from_year AS year FROM reach_spans WHERE from_year = to_year)
        SELECT 'span ' || s.period_kind || ' ' || s.from_year || '-' || s.to_year || ' stores ' || s.distinct_children || ', counted '
               || (SELECT count(DISTINCT p.participant_id) FROM presence p
                   WHERE p.period_kind = s.period_kind AND p.period_year BETWEEN s.from_year AND s.to_year)
        FROM reach_spans s
        WHERE s.distinct_children <> (SELECT count(DISTINCT p.participant_id) FROM presence p
                                      WHERE p.period_kind = s.period_kind AND p.period_year BETWEEN s.from_year AND s.to_year)
        UNION ALL
        SELECT 'no span for ' || y.period_kind || ' ' || y.period_year FROM (SELECT DISTINCT period_kind, period_year FROM presence) y
        WHERE NOT EXISTS (SELECT FROM spanned s WHERE s.period_kind = y.period_kind AND s.year = y.period_year)
        UNION ALL
        SELECT 'no span ' || a.period_kind || ' ' || a.year || '-' || b.year FROM spanned a JOIN spanned b ON b.period_kind = a.period_kind AND b.year > a.year
        WHERE NOT EXISTS (SELECT FROM reach_spans s WHERE s.period_kind = a.period_kind AND s.from_year = a.year AND s.to_year = b.year)
        """;

    public const string StoredFigures = """
        SELECT period_kind, period_year, scope, dimension, group_key, distinct_children, participations, sessions_held FROM reach_figures
        """;

    public const string StoredPeriods = """
        SELECT period_kind, period_year, distinct_children, participations, anonymous_children, anonymous_adults,
               sessions_held, active_offerings, active_centres
        FROM reach_periods
        """;

    public const string StoredChildren = """
        SELECT participant_id, period_kind, period_year, district_id, age_band, participations,
               offering_ids, offering_participations, months, month_participations
        FROM reach_children
        """;
}
