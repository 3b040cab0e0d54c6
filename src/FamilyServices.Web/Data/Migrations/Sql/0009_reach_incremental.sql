-- 0009: reach figures adjusted by what changed (decision 0021). The sessions' triggers no longer mark whole periods
-- stale: they note the offerings whose held sessions in a period changed, and the refresher recounts just those
-- offerings' months (reach_offering_months). Whole periods are still recomputed after catalogue changes (the row
-- triggers of 0005) and bulk refreshes.

CREATE OR REPLACE FUNCTION fs_reach_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The periods a held session fell in before and falls in now, at its centre's local time. (A session deleted with
    -- its offering finds no centre here; the offerings' delete trigger below recomputes its periods whole.)
    IF TG_OP = 'INSERT' THEN
        INSERT INTO reach_stale_offerings (period_kind, period_year, offering_id)
        SELECT DISTINCT p.period_kind, p.period_year, s.offering_id
        FROM new_rows s JOIN offerings f ON f.id = s.offering_id JOIN centres c ON c.id = f.centre_id
        CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
        WHERE s.status = 'Held'
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO reach_stale_offerings (period_kind, period_year, offering_id)
        SELECT DISTINCT p.period_kind, p.period_year, s.offering_id
        FROM old_rows s JOIN offerings f ON f.id = s.offering_id JOIN centres c ON c.id = f.centre_id
        CROSS JOIN LATERAL fs_reach_periods(s.starts_at AT TIME ZONE c.time_zone) p
        WHERE s.status = 'Held'
        ON CONFLICT DO NOTHING;
    ELSE
        -- Only sessions whose status, time, offering or headcounts changed: both their old and their new side.
        INSERT INTO reach_stale_offerings (period_kind, period_year, offering_id)
        SELECT DISTINCT p.period_kind, p.period_year, side.offering_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.offering_id, o.starts_at, o.status), (n.offering_id, n.starts_at, n.status)) side(offering_id, starts_at, status)
        JOIN offerings f ON f.id = side.offering_id JOIN centres c ON c.id = f.centre_id
        CROSS JOIN LATERAL fs_reach_periods(side.starts_at AT TIME ZONE c.time_zone) p
        WHERE side.status = 'Held'
          AND (n.status, n.starts_at, n.offering_id, n.headcount_children, n.headcount_adults)
              IS DISTINCT FROM (o.status, o.starts_at, o.offering_id, o.headcount_children, o.headcount_adults)
        ON CONFLICT DO NOTHING;

        INSERT INTO reach_pending_participants (participant_id)
        SELECT DISTINCT a.participant_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN attendances a ON a.session_id = n.id
        WHERE n.status IS DISTINCT FROM o.status OR n.starts_at <> o.starts_at OR n.offering_id <> o.offering_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

-- A deleted offering takes its sessions and attendance with it; the children's rows then no longer name it, and the
-- figures they were counted in before can only be recounted whole.
CREATE FUNCTION fs_reach_offerings_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reach_stale_periods (period_kind, period_year)
    SELECT DISTINCT m.period_kind, m.period_year FROM reach_offering_months m WHERE m.offering_id IN (SELECT id FROM old_rows)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_on_delete AFTER DELETE ON offerings REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_offerings_deleted();

-- Existing figures get their offerings' months and spans on the refresher's next run.
INSERT INTO reach_stale_periods (period_kind, period_year) SELECT period_kind, period_year FROM reach_periods ON CONFLICT DO NOTHING;

-- Something for the refresher to do: wakes the portal's refresh service (LISTEN reach_pending) at once instead of at
-- its next tick. One notification per statement at most, and PostgreSQL folds repeats within a transaction.
CREATE FUNCTION fs_reach_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM added) THEN
        PERFORM pg_notify('reach_pending', '');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reach_notify AFTER INSERT ON reach_pending_participants REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_notify();
CREATE TRIGGER reach_notify AFTER INSERT ON reach_stale_offerings REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_notify();
CREATE TRIGGER reach_notify AFTER INSERT ON reach_stale_periods REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION fs_reach_notify();
