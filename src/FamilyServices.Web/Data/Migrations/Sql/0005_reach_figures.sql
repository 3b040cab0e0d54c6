-- 0005: yearly reach figures for officials, kept exact and up to date without counting distinct children over the
-- raw attendance table on every view (see docs/reach.md and docs/decisions/0007-reach-figures-kept-by-a-refresher.md).
--
-- Triggers note which children's attendance changed (reach_pending_participants) and which periods' session
-- figures changed (reach_stale_periods); the portal's reach refresher replaces those children's rows in reach_children and
-- recomputes the figures of the periods they touch, in the background, within a minute.

CREATE TABLE reach_periods (
    period_kind character varying(40) NOT NULL,
    period_year integer NOT NULL,
    distinct_children integer NOT NULL,
    participations integer NOT NULL,
    anonymous_children integer NOT NULL,
    anonymous_adults integer NOT NULL,
    sessions_held integer NOT NULL,
    active_offerings integer NOT NULL,
    active_centres integer NOT NULL,
    refreshed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_reach_periods PRIMARY KEY (period_kind, period_year)
);

CREATE TABLE reach_figures (
    period_kind character varying(40) NOT NULL,
    period_year integer NOT NULL,
    scope character varying(80) NOT NULL,
    dimension character varying(40) NOT NULL,
    group_key character varying(120) NOT NULL,
    distinct_children integer NOT NULL,
    participations integer NOT NULL,
    sessions_held integer,
    CONSTRAINT pk_reach_figures PRIMARY KEY (period_kind, period_year, scope, dimension, group_key)
);

-- One row per child and period, with arrays of the offerings and months they were present in: a period's
-- breakdowns are derived from these rows (about one per child) rather than from the attendance table.
CREATE TABLE reach_children (
    participant_id integer NOT NULL,
    period_kind character varying(40) NOT NULL,
    period_year integer NOT NULL,
    district_id integer NOT NULL,
    age_band character varying(10) NOT NULL,
    participations integer NOT NULL,
    offering_ids integer[] NOT NULL,
    offering_participations integer[] NOT NULL,
    months integer[] NOT NULL,
    month_participations integer[] NOT NULL,
    CONSTRAINT pk_reach_children PRIMARY KEY (participant_id, period_kind, period_year)
);
CREATE INDEX ix_reach_children_period_kind_period_year ON reach_children (period_kind, period_year);

CREATE TABLE reach_pending_participants (
    participant_id integer NOT NULL,
    CONSTRAINT pk_reach_pending_participants PRIMARY KEY (participant_id)
);

CREATE TABLE reach_stale_periods (
    period_kind character varying(40) NOT NULL,
    period_year integer NOT NULL,
    CONSTRAINT pk_reach_stale_periods PRIMARY KEY (period_kind, period_year)
);

-- The calendar year and the school year (1 August – 31 July, named by its first year) a local time falls in.
CREATE FUNCTION fs_reach_periods(local_time timestamp without time zone)
RETURNS TABLE (period_kind text, period_year integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    VALUES ('Calendar', extract(year FROM local_time)::integer),
           ('School', extract(year FROM local_time - interval '7 months')::integer)
$$;

-- Attendance: the children whose records were added, changed or removed. Statement-level with transition
-- tables, so a bulk import of a million rows costs one set-based insert, not a million trigger calls.
CREATE FUNCTION fs_reach_attendances_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO reach_pending_participants (participant_id)
        SELECT DISTINCT participant_id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO reach_pending_participants (participant_id)
        SELECT participant_id FROM new_rows n JOIN old_rows o USING (session_id, participant_id)
        WHERE n.status IS DISTINCT FROM o.status
        UNION
        SELECT participant_id FROM old_rows o WHERE NOT EXISTS (
            SELECT FROM new_rows n WHERE n.session_id = o.session_id AND n.participant_id = o.participant_id)
        UNION
        SELECT participant_id FROM new_rows n WHERE NOT EXISTS (
            SELECT FROM old_rows o WHERE n.session_id = o.session_id AND n.participant_id = o.participant_id)
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO reach_pending_participants (participant_id)
        SELECT DISTINCT participant_id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reach_on_insert AFTER INSERT ON attendances REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_attendances_changed();
CREATE TRIGGER reach_on_update AFTER UPDATE ON attendances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_attendances_changed();
CREATE TRIGGER reach_on_delete AFTER DELETE ON attendances REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_attendances_changed();

-- Sessions: a held session (or one that stops being held) changes its periods' session counts and headcounts;
-- a session that changes status, time or offering changes the figures of everyone recorded at it.
CREATE FUNCTION fs_reach_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO reach_stale_periods (period_kind, period_year)
        SELECT DISTINCT p.period_kind, p.period_year
        FROM new_rows s JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
        WHERE s.status = 'Held'
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO reach_stale_periods (period_kind, period_year)
        SELECT DISTINCT p.period_kind, p.period_year
        FROM old_rows s JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
        WHERE s.status = 'Held'
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO reach_pending_participants (participant_id)
        SELECT DISTINCT a.participant_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN attendances a ON a.session_id = n.id
        WHERE n.status IS DISTINCT FROM o.status OR n.starts_at <> o.starts_at OR n.offering_id <> o.offering_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reach_on_insert AFTER INSERT ON sessions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_sessions_changed();
CREATE TRIGGER reach_on_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_sessions_changed();
CREATE TRIGGER reach_on_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_sessions_changed();

-- Rare catalogue and participant changes that move children between groups: a child's district or birth month,
-- an offering's programme or centre, a programme's type, category or code, a centre's time zone or code, a district's
-- focus-area flag or code.
CREATE FUNCTION fs_reach_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reach_pending_participants (participant_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_on_update AFTER UPDATE OF district_id, birth_year, birth_month ON participants
    FOR EACH ROW EXECUTE FUNCTION fs_reach_participant_changed();

CREATE FUNCTION fs_reach_offering_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reach_pending_participants (participant_id)
    SELECT DISTINCT a.participant_id FROM sessions s JOIN attendances a ON a.session_id = s.id WHERE s.offering_id = NEW.id
    ON CONFLICT DO NOTHING;
    INSERT INTO reach_stale_periods (period_kind, period_year)
    SELECT DISTINCT p.period_kind, p.period_year
    FROM sessions s JOIN centres c ON c.id IN (OLD.centre_id, NEW.centre_id)
    CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
    WHERE s.offering_id = NEW.id AND s.status = 'Held'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_on_update AFTER UPDATE OF programme_id, centre_id ON offerings
    FOR EACH ROW WHEN (OLD.programme_id <> NEW.programme_id OR OLD.centre_id <> NEW.centre_id)
    EXECUTE FUNCTION fs_reach_offering_changed();

CREATE FUNCTION fs_reach_programme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reach_pending_participants (participant_id)
    SELECT DISTINCT a.participant_id
    FROM offerings o JOIN sessions s ON s.offering_id = o.id JOIN attendances a ON a.session_id = s.id
    WHERE o.programme_id = NEW.id
    ON CONFLICT DO NOTHING;
    INSERT INTO reach_stale_periods (period_kind, period_year)
    SELECT DISTINCT p.period_kind, p.period_year
    FROM offerings o JOIN centres c ON c.id = o.centre_id JOIN sessions s ON s.offering_id = o.id
    CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
    WHERE o.programme_id = NEW.id AND s.status = 'Held'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- A programme's code is the key of its group in the figures, so a new code changes them too.
CREATE TRIGGER reach_on_update AFTER UPDATE OF type, category_id, code ON programmes
    FOR EACH ROW WHEN (OLD.type <> NEW.type OR OLD.category_id <> NEW.category_id OR OLD.code <> NEW.code)
    EXECUTE FUNCTION fs_reach_programme_changed();

-- A centre's time zone decides the local date, so the period and month, of every session there: its children are
-- counted again, and the periods its held sessions fall in by the old and the new time zone are recomputed. Its code
-- is the key of its group.
CREATE FUNCTION fs_reach_centre_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.time_zone <> NEW.time_zone THEN
        INSERT INTO reach_pending_participants (participant_id)
        SELECT DISTINCT a.participant_id
        FROM offerings o JOIN sessions s ON s.offering_id = o.id JOIN attendances a ON a.session_id = s.id
        WHERE o.centre_id = NEW.id
        ON CONFLICT DO NOTHING;
    END IF;
    INSERT INTO reach_stale_periods (period_kind, period_year)
    SELECT DISTINCT p.period_kind, p.period_year
    FROM offerings o JOIN sessions s ON s.offering_id = o.id
    CROSS JOIN LATERAL (VALUES (OLD.time_zone), (NEW.time_zone)) z(time_zone)
    CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE z.time_zone) p
    WHERE o.centre_id = NEW.id AND s.status = 'Held'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_on_update AFTER UPDATE OF time_zone, code ON centres
    FOR EACH ROW WHEN (OLD.time_zone <> NEW.time_zone OR OLD.code <> NEW.code)
    EXECUTE FUNCTION fs_reach_centre_changed();

-- A district's focus-area flag and code group the children who live there (the equity view).
CREATE FUNCTION fs_reach_district_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reach_stale_periods (period_kind, period_year)
    SELECT DISTINCT period_kind, period_year FROM reach_children WHERE district_id = NEW.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_on_update AFTER UPDATE OF is_focus_area, code ON districts
    FOR EACH ROW WHEN (OLD.is_focus_area <> NEW.is_focus_area OR OLD.code <> NEW.code)
    EXECUTE FUNCTION fs_reach_district_changed();

-- Databases migrated with attendance already in them get their figures on the refresher's first run.
INSERT INTO reach_pending_participants (participant_id) SELECT DISTINCT participant_id FROM attendances;
