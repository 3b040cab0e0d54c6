-- Undoes 0009: the sessions' triggers mark whole periods stale again (as 0005 made them); the notifications and the
-- offerings' delete trigger go. The tables go with the migration's DropTable.
DROP TRIGGER reach_notify ON reach_pending_participants;
DROP TRIGGER reach_notify ON reach_stale_offerings;
DROP TRIGGER reach_notify ON reach_stale_periods;
DROP FUNCTION fs_reach_notify();
DROP TRIGGER reach_on_delete ON offerings;
DROP FUNCTION fs_reach_offerings_deleted();

CREATE OR REPLACE FUNCTION fs_reach_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
