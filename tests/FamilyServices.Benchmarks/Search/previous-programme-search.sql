-- The parents' search statement BEFORE the search table (decision 0017): ProgrammeSearch.Sql until 2026-12-07.
-- Kept as the reference the benchmark compares the current statement with: run-search-benchmark.sh runs
-- `pgbench-script --sql-file` with this file (which fails unless both return the same rows in the same order for
-- every search of the mix) and pgbench on both statements in the same run. Not used by the portal.
WITH RECURSIVE wanted_categories AS (
    SELECT id FROM categories WHERE code = @category
    UNION ALL
    SELECT c.id FROM categories c JOIN wanted_categories w ON c.parent_id = w.id
),
text_matches AS (
    SELECT t.programme_id,
           max(word_similarity(fs_search_text(@q), t.search_text) + CASE WHEN t.language = @language THEN 0.001 ELSE 0 END) AS rank
    FROM programme_texts t
    WHERE @q IS NOT NULL AND t.language IN (@language, @fallback)
      AND (t.search_text LIKE '%' || fs_search_text(@q) || '%' OR fs_search_text(@q) <% t.search_text)
    GROUP BY t.programme_id
),
matching AS (
    SELECT p.id, p.slug, tm.rank, c.id AS centre_id,
           CASE WHEN o.is_online THEN NULL ELSE c.distance END AS distance
    FROM programmes p
    LEFT JOIN text_matches tm ON tm.programme_id = p.id
    JOIN offerings o ON o.programme_id = p.id
    -- The distance once per centre (500 rows), not per offering row (15,000+). OFFSET 0 keeps the planner from
    -- flattening the subquery, which would move earth_distance back into the join; unlike a MATERIALIZED CTE,
    -- it still lets the planner see the centres' statistics.
    JOIN (SELECT c.id, c.district_id, c.accessibility_features,
                 CASE WHEN @lat IS NULL THEN NULL
                      ELSE earth_distance(ll_to_earth(@lat, @lon), ll_to_earth(c.latitude, c.longitude)) END AS distance
          FROM centres c OFFSET 0) c ON c.id = o.centre_id
    JOIN districts d ON d.id = c.district_id
    WHERE p.publication_state = 'Published'
      AND (p.publish_from IS NULL OR p.publish_from <= @now) AND (p.publish_until IS NULL OR p.publish_until > @now)
      AND (@q IS NULL OR tm.programme_id IS NOT NULL)
      AND (@age_months IS NULL OR @age_months BETWEEN p.min_age_months AND p.max_age_months)
      AND (NOT @free_only OR p.is_free)
      AND (@delivery_language IS NULL OR p.delivery_languages @> ARRAY[@delivery_language]::text[])
      AND (@category IS NULL OR p.category_id IN (SELECT id FROM wanted_categories))
      AND o.publication_state = 'Published' AND o.status <> 'Cancelled' AND o.schedule_end_date >= @today
      AND (o.publish_from IS NULL OR o.publish_from <= @now) AND (o.publish_until IS NULL OR o.publish_until > @now)
      AND (@weekdays IS NULL OR o.schedule_weekdays & @weekdays <> 0)
      AND (@starts_from IS NULL OR (o.schedule_start_time >= @starts_from AND o.schedule_start_time < @starts_before))
      AND (@online IS NULL OR o.is_online = @online)
      AND (@district IS NULL OR d.code = @district)
      AND (@accessibility IS NULL OR c.accessibility_features @> ARRAY[@accessibility]::text[])
      AND (@lat IS NULL OR o.is_online = true OR @radius_metres IS NULL OR c.distance <= @radius_metres)
      AND (@lat IS NULL OR @online IS NOT NULL OR NOT o.is_online)
      AND (NOT @this_week OR EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.offering_id = o.id AND s.status = 'Scheduled' AND s.starts_at >= @now AND s.starts_at < @week_end))
),
programmes_found AS (
    SELECT DISTINCT ON (id) id, slug, rank, distance, centre_id
    FROM matching
    ORDER BY id, distance NULLS LAST, centre_id
)
SELECT id, distance, rank, centre_id, count(*) OVER () AS total
FROM programmes_found
ORDER BY distance NULLS LAST, rank DESC NULLS LAST, slug
LIMIT @limit OFFSET @offset
