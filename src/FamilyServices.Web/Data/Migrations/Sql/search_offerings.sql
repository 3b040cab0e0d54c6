-- The parents' search reads one table, search_offerings (decision 0017): one row per offering that can ever show in
-- search (it and its programme published, the offering not cancelled), holding what the filters need from the
-- offering, its programme, its centre, the centre's district and the category tree. Triggers on those tables keep
-- it current in the writer's own transaction, whoever writes (editor pages, catalogue import, bulk updates, COPY).
-- What depends on the clock stays a comparison at read time: the publication windows (visible_from /
-- visible_until), the schedule's last day (ends_on) and "this week" (sessions), so nothing has to run at an edge.

-- Rebuilds the rows of the given offerings from the source tables: an upsert of those that qualify, a delete of the
-- others. FOR SHARE waits for a concurrent writer of the same offering, programme or centre to commit and then reads
-- its new row, so two transactions that change different sources of one row cannot leave it stale.
CREATE FUNCTION search_offerings_refresh(offering_ids integer[]) RETURNS void LANGUAGE sql AS $$
    WITH RECURSIVE category_paths AS (
        SELECT id, ARRAY[code::text] AS codes FROM categories WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, p.codes || c.code::text FROM categories c JOIN category_paths p ON c.parent_id = p.id
    ),
    sources AS (
        SELECT o.id, o.programme_id, o.centre_id, o.is_online, o.schedule_weekdays, o.schedule_start_time,
               o.schedule_end_date, o.publish_from AS offering_from, o.publish_until AS offering_until,
               p.slug, p.min_age_months, p.max_age_months, p.is_free, p.delivery_languages, p.category_id,
               p.publish_from AS programme_from, p.publish_until AS programme_until,
               c.accessibility_features, c.latitude, c.longitude, d.code AS district_code
        FROM offerings o
        JOIN programmes p ON p.id = o.programme_id
        JOIN centres c ON c.id = o.centre_id
        JOIN districts d ON d.id = c.district_id
        WHERE o.id = ANY (offering_ids)
          AND p.publication_state = 'Published' AND o.publication_state = 'Published' AND o.status <> 'Cancelled'
        FOR SHARE OF o, p, c
    ),
    fresh AS (
        SELECT s.id, s.programme_id, s.centre_id, s.slug, s.min_age_months, s.max_age_months, s.is_free,
               s.delivery_languages, coalesce(cp.codes, '{}') AS category_codes, s.is_online, s.schedule_weekdays,
               s.schedule_start_time, s.schedule_end_date, s.district_code, s.accessibility_features,
               ll_to_earth(s.latitude, s.longitude) AS centre_point,
               -- Both windows must be open: the later start and the earlier end (greatest/least skip NULLs).
               greatest(s.programme_from, s.offering_from) AS visible_from,
               least(s.programme_until, s.offering_until) AS visible_until
        FROM sources s LEFT JOIN category_paths cp ON cp.id = s.category_id
    ),
    upserted AS (
        INSERT INTO search_offerings (offering_id, programme_id, centre_id, slug, min_age_months, max_age_months, is_free,
            delivery_languages, category_codes, is_online, weekdays, starts_at, ends_on, district_code,
            accessibility_features, centre_point, visible_from, visible_until)
        SELECT * FROM fresh
        ON CONFLICT (offering_id) DO UPDATE SET
            programme_id = EXCLUDED.programme_id, centre_id = EXCLUDED.centre_id, slug = EXCLUDED.slug,
            min_age_months = EXCLUDED.min_age_months, max_age_months = EXCLUDED.max_age_months,
            is_free = EXCLUDED.is_free, delivery_languages = EXCLUDED.delivery_languages,
            category_codes = EXCLUDED.category_codes, is_online = EXCLUDED.is_online, weekdays = EXCLUDED.weekdays,
            starts_at = EXCLUDED.starts_at, ends_on = EXCLUDED.ends_on, district_code = EXCLUDED.district_code,
            accessibility_features = EXCLUDED.accessibility_features, centre_point = EXCLUDED.centre_point,
            visible_from = EXCLUDED.visible_from, visible_until = EXCLUDED.visible_until
    )
    DELETE FROM search_offerings s
    WHERE s.offering_id = ANY (offering_ids) AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.id = s.offering_id);
$$;

-- Statement-level triggers with transition tables, so a bulk update (the demo loader's ExecuteUpdate, the
-- catalogue import, COPY) refreshes its rows in one statement. PostgreSQL allows transition tables on single-event
-- triggers only: each table has one function and a trigger per event. Updates refresh only when a column the
-- search reads changed.

CREATE FUNCTION offerings_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM search_offerings_refresh(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM search_offerings WHERE offering_id IN (SELECT id FROM old_rows);
    ELSE
        PERFORM search_offerings_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.programme_id, n.centre_id, n.is_online, n.schedule_weekdays, n.schedule_start_time,
                   n.schedule_end_date, n.status, n.publication_state, n.publish_from, n.publish_until)
                  IS DISTINCT FROM
                  (o.programme_id, o.centre_id, o.is_online, o.schedule_weekdays, o.schedule_start_time,
                   o.schedule_end_date, o.status, o.publication_state, o.publish_from, o.publish_until)));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_search_on_insert AFTER INSERT ON offerings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_search();
CREATE TRIGGER refresh_search_on_update AFTER UPDATE ON offerings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_search();
CREATE TRIGGER refresh_search_on_delete AFTER DELETE ON offerings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_search();

-- A programme has no offerings when inserted, and cannot be deleted while it has some (foreign key): updates only.
CREATE FUNCTION programmes_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_offerings_refresh(ARRAY(
        SELECT o.id FROM offerings o WHERE o.programme_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows p ON p.id = n.id
            WHERE (n.slug, n.min_age_months, n.max_age_months, n.is_free, n.delivery_languages, n.category_id,
                   n.publication_state, n.publish_from, n.publish_until)
                  IS DISTINCT FROM
                  (p.slug, p.min_age_months, p.max_age_months, p.is_free, p.delivery_languages, p.category_id,
                   p.publication_state, p.publish_from, p.publish_until))));
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_search_on_update AFTER UPDATE ON programmes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION programmes_refresh_search();

-- A centre that moves, changes district or accessibility (same reasoning: updates only).
CREATE FUNCTION centres_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_offerings_refresh(ARRAY(
        SELECT o.id FROM offerings o WHERE o.centre_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows c ON c.id = n.id
            WHERE (n.district_id, n.accessibility_features, n.latitude, n.longitude)
                  IS DISTINCT FROM (c.district_id, c.accessibility_features, c.latitude, c.longitude))));
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_search_on_update AFTER UPDATE ON centres
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION centres_refresh_search();

CREATE FUNCTION districts_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_offerings_refresh(ARRAY(
        SELECT o.id FROM offerings o JOIN centres c ON c.id = o.centre_id WHERE c.district_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows d ON d.id = n.id WHERE n.code IS DISTINCT FROM d.code)));
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_search_on_update AFTER UPDATE ON districts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION districts_refresh_search();

-- A category renamed (code) or moved (parent) changes the paths of its whole subtree; rare enough to rebuild every
-- row. A new category has no programmes yet, and one with programmes or children cannot be deleted (foreign keys).
CREATE FUNCTION categories_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows c ON c.id = n.id
               WHERE (n.code, n.parent_id) IS DISTINCT FROM (c.code, c.parent_id)) THEN
        PERFORM search_offerings_refresh(ARRAY(SELECT offering_id FROM search_offerings));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_search_on_update AFTER UPDATE ON categories
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION categories_refresh_search();

-- The rows of the offerings already there.
SELECT search_offerings_refresh(ARRAY(SELECT id FROM offerings));
