#!/usr/bin/env bash
# The officials' reach figures at city scale (issue 6; docs/performance.md), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-reach-benchmark.sh
# 1. the private PostgreSQL of scripts/lib/postgres.sh, database familyservices_reach_bench: migrated with the portal's
#    own `migrate` verb, then the generated city (generate-reach: REACH_ATTENDANCES, 10,000,000 attendance rows over
#    2023–2025) once, and the first full build of the reach figures with the portal's `reach refresh` verb, timed
#    (a later run reuses both; REACH_REBUILD=1 empties the reach tables and times the full build again);
# 2. the portal in Release on a free port of 127.0.0.1 only, Production settings, refreshing every 20 s; an Official
#    account (`users add`), its one-time password, later password and authenticator key kept in .data/bench/reach/;
# 3. one client (curl), one request after another: REACH_WARMUP (5) requests, then REACH_REPEAT (50) timed ones for
#    each view of GET /api/v1/reach;
# 3b. the officials' dashboard /officials/reach in Debian's Chromium (the benchmark tool's reach-dashboard verb,
#    Playwright for .NET, never `playwright install`), signed in as an official is, through the sign-in form with
#    password and TOTP code (the first run changes the one-time password and sets up the authenticator on the
#    enrolment page): REACH_DASHBOARD_WARMUP (2) untimed and REACH_DASHBOARD_RUNS (30) timed runs of navigation →
#    key figures shown (prerendered) and → interactive (in the circuit), choosing the year before → its figures shown,
#    choosing the breakdown by centre → shown;
# 4. the reference in the same run: the naive COUNT(DISTINCT) over the raw attendance straight in PostgreSQL (the
#    programme-type view 3 times, the others once), and every view's numbers compared with the API's: any
#    difference fails the script;
# 5. freshness: REACH_FRESHNESS_TRIALS (3) times a new present attendance at a held 2025 session for a child not yet
#    reached in 2025, and the seconds until the API counts exactly one child more; then they are removed again;
# 6. a summary, also written to .data/bench/reach/results-<time>.txt. Targets: each API view and each dashboard
#    timing p95 under/at most 300 ms, the naive SQL's numbers exactly, new attendance counted within 10 s; only the
#    exact numbers and the freshness fail the script (and errors).
# REACH_DATABASE names another database (a smaller city for trying the script: REACH_ATTENDANCES=500000).
# Only ever talks to 127.0.0.1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"

attendances=${REACH_ATTENDANCES:-10000000}
repeat=${REACH_REPEAT:-50}
warmup=${REACH_WARMUP:-5}
trials=${REACH_FRESHNESS_TRIALS:-3}
dashboard_runs=${REACH_DASHBOARD_RUNS:-30}
dashboard_warmup=${REACH_DASHBOARD_WARMUP:-2}
database=${REACH_DATABASE:-familyservices_reach_bench}
work="$FS_ROOT/.data/bench/reach"
email=reach.bench@example.org
year=2025

whole() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
whole "$attendances" 1000 20000000 || fs_die "REACH_ATTENDANCES must be 1000 to 20000000."
whole "$repeat" 1 10000 || fs_die "REACH_REPEAT must be 1 to 10000."
whole "$warmup" 0 1000 || fs_die "REACH_WARMUP must be 0 to 1000."
whole "$trials" 0 20 || fs_die "REACH_FRESHNESS_TRIALS must be 0 to 20."
whole "$dashboard_runs" 1 1000 || fs_die "REACH_DASHBOARD_RUNS must be 1 to 1000."
whole "$dashboard_warmup" 0 100 || fs_die "REACH_DASHBOARD_WARMUP must be 0 to 100."

command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."
command -v curl >/dev/null || fs_die "curl is needed."
command -v jq >/dev/null || fs_die "jq is needed (Debian: sudo apt-get install jq)."
[ -x /usr/bin/chromium ] || fs_die "Debian's Chromium is needed for the officials' dashboard (sudo apt-get install chromium; never 'playwright install')."

fs_ensure_private_cluster
connection_string=$(fs_ensure_database "$database")
psql_reach() { "${FS_PSQL[@]}" -d "$database" -c "$1"; }
elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --- build, migrate, generate, first full build ---------------------------------------------------------------
source "$here/bench-portal.sh"
bench_build
portal_verb() {
    (cd "$FS_ROOT/src/FamilyServices.Web" && exec env ConnectionStrings__FamilyServices="$connection_string" \
        Serilog__MinimumLevel__Default=Warning "${portal[@]}" "$@")
}

portal_verb migrate
city=$(psql_reach "SELECT code FROM city_profiles ORDER BY id LIMIT 1")
if [ -z "$city" ]; then
    echo "Generating the city ($attendances attendance rows; a few minutes)..."
    "${tool[@]}" generate-reach --connection "$connection_string" --attendances "$attendances" | tee "$work/generate.log"
elif [ "$city" != benchreach ]; then
    fs_die "database $database holds city '$city', not the benchmark's; drop it (dropdb -h 127.0.0.1 -p $FS_PG_PORT -U $FS_PG_USER $database) and run again."
fi
dataset=$(psql_reach "SELECT (SELECT count(*) FROM attendances) || ' attendances, ' || (SELECT count(*) FROM participants) || ' children, '
    || (SELECT count(*) FROM sessions WHERE status = 'Held') || ' held and ' || (SELECT count(*) FROM sessions WHERE status = 'Cancelled')
    || ' cancelled sessions, ' || (SELECT count(*) FROM offerings) || ' offerings, ' || (SELECT count(*) FROM centres) || ' centres, '
    || (SELECT count(*) FROM programmes) || ' programmes, ' || (SELECT count(*) FROM districts) || ' districts'")
echo "The city: $dataset."

if [ "${REACH_REBUILD:-0}" = 1 ]; then
    echo "REACH_REBUILD=1: emptying the reach tables and marking every child pending..."
    psql_reach "TRUNCATE reach_children, reach_figures, reach_periods, reach_stale_periods, reach_offering_months, reach_stale_offerings, reach_spans;
        INSERT INTO reach_pending_participants SELECT DISTINCT participant_id FROM attendances ON CONFLICT DO NOTHING" >/dev/null
fi
pending=$(psql_reach "SELECT count(*) FROM reach_pending_participants")
if [ "$pending" -gt 0 ]; then
    echo
    echo "First full build of the reach figures (the portal's \`reach refresh\` verb): $pending children pending..."
    load_before=$(load)
    start=$(date +%s.%N)
    portal_verb reach refresh | tee "$work/first-build.log"
    seconds=$(elapsed "$start")
    sizes=$(psql_reach "SELECT (SELECT count(*) FROM reach_children) || ' reach_children rows (' || pg_size_pretty(pg_total_relation_size('reach_children'))
        || '), ' || (SELECT count(*) FROM reach_figures) || ' reach_figures rows (' || pg_size_pretty(pg_total_relation_size('reach_figures'))
        || '), ' || (SELECT count(*) FROM reach_periods) || ' reach_periods rows'")
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'): first full build of $pending children: $seconds s wall clock ($(cat "$work/first-build.log")); $sizes; load average before $load_before, after $(load)" \
        | tee "$work/first-build.txt"
else
    # Written every run, so the summary never shows an earlier run's build as this one's.
    echo "(not timed by this run: the figures were there already; REACH_REBUILD=1 empties them and times the full build)" >"$work/first-build.txt"
fi

# --- the portal, an official and a token -----------------------------------------------------------------------
load_start=$(load)
bench_choose_port
echo
echo "Starting the portal on $base (Production, log level Warning except the reach refresher, refresh every 20 s)..."
(
    cd "$FS_ROOT/src/FamilyServices.Web"
    exec env ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__FamilyServices="$connection_string" \
        Portal__Reach__RefreshSeconds=20 \
        Portal__RateLimits__SearchPerMinute=100000000 \
        Serilog__MinimumLevel__Default=Warning \
        Serilog__MinimumLevel__Override__FamilyServices.Web.Features.Reach.ReachRefresher=Information \
        "${portal[@]}" --urls "$base"
) >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
    kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; fs_die "the portal stopped (log above)."; }
    curl -fsS -m 5 -o /dev/null "$base/health/ready" 2>/dev/null && break
    sleep 0.5
done
curl -fsS -m 5 -o /dev/null "$base/health/ready" || fs_die "the portal did not become ready in 60 s; see $work/portal.log"

# The one-time password is shown once; it is kept (loopback benchmark database only) for the first sign-in in Chromium,
# which replaces it with a random password (kept in the same file) and sets up the authenticator whose key is kept in
# $totp_file. An account whose files are gone is made again.
password_file="$work/official-password"
totp_file="$work/official-totp-secret"
account=$(psql_reach "SELECT CASE WHEN two_factor_enabled THEN 'two-factor' ELSE 'password' END FROM staff_users WHERE normalized_email = upper('$email')")
if [ -z "$account" ] || [ ! -s "$password_file" ] || { [ "$account" = two-factor ] && [ ! -s "$totp_file" ]; }; then
    psql_reach "DELETE FROM staff_users WHERE normalized_email = upper('$email')" >/dev/null
    rm -f "$totp_file"
    (umask 077 && portal_verb users add --email "$email" --role Official --name "Reach benchmark" | sed -n 's/^One-time password[^:]*: //p' >"$password_file")
fi
token=$(portal_verb tokens issue --email "$email" --name bench --days 1 | tail -n 1)
auth=(-H "Authorization: Bearer $token")

# --- one client, one request after another -------------------------------------------------------------------------
# The views: name|query string of GET /api/v1/reach.
views=(
    "year view (groupBy programmeType, the default)|year=$year"
    "groupBy=programme|year=$year&groupBy=programme"
    "groupBy=category|year=$year&groupBy=category"
    "groupBy=centre|year=$year&groupBy=centre"
    "groupBy=district|year=$year&groupBy=district"
    "groupBy=ageBand|year=$year&groupBy=ageBand"
    "groupBy=focusArea|year=$year&groupBy=focusArea"
    "groupBy=month|year=$year&groupBy=month"
    "school year 2024/25 (period=school)|year=2024&period=school"
    "drill-down programmeType=Workshop, groupBy=centre|year=$year&programmeType=Workshop&groupBy=centre"
    "cumulative from=2023&to=2025|year=$year&from=2023&to=2025"
)

# time_requests URL CURL_ARGS...: REACH_WARMUP requests, then REACH_REPEAT timed ones; prints "p50 p95 max" in ms and
# the size of the answer in kB.
time_requests() {
    local url=$1 i status seconds bytes
    shift
    for ((i = 0; i < warmup; i++)); do curl -s -o /dev/null "$@" "$url"; done
    : >"$work/times.txt"
    for ((i = 0; i < repeat; i++)); do
        read -r status seconds bytes < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$@" "$url")
        [ "$status" = 200 ] || fs_die "$url answered $status, not 200."
        echo "$seconds" >>"$work/times.txt"
    done
    sort -n "$work/times.txt" | awk -v bytes="$bytes" '
        { v[NR] = $1 * 1000 }
        function at(p,  i) { i = int(NR * p + 0.999999); if (i < 1) i = 1; return v[i] }
        END { printf "%.1f %.1f %.1f %.0f", at(0.50), at(0.95), v[NR], bytes / 1000 }'
}

echo
echo "Timing each view: $warmup requests, then $repeat timed, one after another (ms)..."
declare -A api_ms
for view in "${views[@]}"; do
    name=${view%%|*}
    query=${view#*|}
    api_ms[$name]=$(time_requests "$base/api/v1/reach?$query" "${auth[@]}")
    printf '  %-50s API %s\n' "$name" "${api_ms[$name]}"
done
load_after_timing=$(load)

# --- the officials' dashboard in Chromium ---------------------------------------------------------------------------
echo
echo "The officials' dashboard in Chromium, signed in with password and code ($dashboard_warmup warm-up, $dashboard_runs timed runs)..."
"${tool[@]}" reach-dashboard --base "$base" --email "$email" --password-file "$password_file" --totp-secret-file "$totp_file" \
    --year "$year" --runs "$dashboard_runs" --warm-up "$dashboard_warmup" | tee "$work/dashboard.txt" \
    || fs_die "timing the officials' dashboard failed (output above; the portal's log is $work/portal.log)."
load_after_dashboard=$(load)

# --- the reference: the naive COUNT(DISTINCT) over the raw table, and the same numbers? ----------------------------
# naive_query KEY FROM TO [JOINS] [CONDITION]: distinct children and present attendances per group and in all ("(all)"),
# straight over the raw attendance, in the centre's local time.
naive_query() {
    cat <<SQL
SELECT CASE WHEN GROUPING($1) = 1 THEN '(all)' ELSE ($1)::text END, count(DISTINCT a.participant_id), count(*)
FROM attendances a
JOIN sessions s ON s.id = a.session_id
JOIN offerings o ON o.id = s.offering_id
JOIN centres c ON c.id = o.centre_id
JOIN programmes p ON p.id = o.programme_id ${4:-}
WHERE a.status = 'Present' AND s.status = 'Held'
  AND s.starts_at AT TIME ZONE c.time_zone >= '$2' AND s.starts_at AT TIME ZONE c.time_zone < '$3' ${5:+AND $5}
GROUP BY GROUPING SETS (($1), ())
SQL
}

# The age band at the child's first present attendance in the period, in whole months from the first of the birth month.
age_band_query() {
    cat <<SQL
WITH present AS (
    SELECT a.participant_id, s.starts_at AT TIME ZONE c.time_zone AS local_start
    FROM attendances a
    JOIN sessions s ON s.id = a.session_id
    JOIN offerings o ON o.id = s.offering_id
    JOIN centres c ON c.id = o.centre_id
    WHERE a.status = 'Present' AND s.status = 'Held'
      AND s.starts_at AT TIME ZONE c.time_zone >= '$1' AND s.starts_at AT TIME ZONE c.time_zone < '$2'
), children AS (
    SELECT participant_id, min(local_start) AS first_start, count(*) AS n FROM present GROUP BY participant_id
), banded AS (
    SELECT ch.n, CASE WHEN age < 0 THEN 'other' WHEN age < 36 THEN '0-2' WHEN age < 72 THEN '3-5' WHEN age < 120 THEN '6-9'
                      WHEN age < 168 THEN '10-13' WHEN age < 216 THEN '14-17' ELSE 'other' END AS band
    FROM children ch
    JOIN participants pa ON pa.id = ch.participant_id
    CROSS JOIN LATERAL (SELECT (extract(year FROM ch.first_start)::int - pa.birth_year) * 12
                               + extract(month FROM ch.first_start)::int - pa.birth_month AS age) x
)
SELECT CASE WHEN GROUPING(band) = 1 THEN '(all)' ELSE band END, count(*), sum(n) FROM banded GROUP BY GROUPING SETS ((band), ())
SQL
}

cumulative_query() {
    cat <<SQL
SELECT CASE WHEN GROUPING(y) = 1 THEN '(all)' ELSE y::text END, count(DISTINCT a.participant_id)
FROM attendances a
JOIN sessions s ON s.id = a.session_id
JOIN offerings o ON o.id = s.offering_id
JOIN centres c ON c.id = o.centre_id
CROSS JOIN LATERAL (SELECT extract(year FROM s.starts_at AT TIME ZONE c.time_zone)::int AS y) l
WHERE a.status = 'Present' AND s.status = 'Held'
  AND s.starts_at AT TIME ZONE c.time_zone >= '2023-01-01' AND s.starts_at AT TIME ZONE c.time_zone < '2026-01-01'
GROUP BY GROUPING SETS ((y), ())
SQL
}

from="$year-01-01"
to="$((year + 1))-01-01"
participants_join="JOIN participants pa ON pa.id = a.participant_id JOIN districts d ON d.id = pa.district_id"
# Groups with children only: the API also lists groups with held sessions and nobody counted (open meetings).
api_groups='.groups[] | select(.distinctChildren > 0) | "\(.key)|\(.distinctChildren)|\(.participations)"'
api_total='"(all)|\(.distinctChildren)|\(.participations)"'
# run_naive NAME SQL: runs it once with \timing; the rows go to $work/naive-NAME.txt, the milliseconds to stdout.
naive_file() { echo "$work/naive-$(tr -c 'a-zA-Z0-9\n' '-' <<<"$1").txt"; }
run_naive() {
    local file
    file=$(naive_file "$1")
    "${FS_PSQL[@]}" -d "$database" -c '\timing on' -c "$2" >"$file"
    sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$file"
    sed -i '/^Time: /d' "$file"
}

# check NAME RUNS SQL API_QUERY JQ_FILTER: times the naive SQL RUNS times and compares its rows with the API's lines.
declare -A naive_ms exact
mismatches=0
check() {
    local name=$1 runs=$2 sql=$3 query=$4 filter=$5 times=() i
    for ((i = 0; i < runs; i++)); do times+=("$(run_naive "$name" "$sql")"); done
    naive_ms[$name]=${times[*]}
    curl -fsS "${auth[@]}" "$base/api/v1/reach?$query" | jq -r "$filter" >"$work/api.txt"
    if diff <(sort "$(naive_file "$name")") <(sort "$work/api.txt") >"$work/diff.txt"; then
        exact[$name]="yes ($(wc -l <"$work/api.txt") rows)"
    else
        exact[$name]=NO
        mismatches=$((mismatches + 1))
        echo "  MISMATCH for $name (< naive SQL, > API):"
        sed 's/^/    /' "$work/diff.txt" | head -n 20
    fi
    printf '  %-52s %s ms; same numbers as the API: %s\n' "$name" "${naive_ms[$name]}" "${exact[$name]}"
}

from="$year-01-01"
to="$((year + 1))-01-01"
people="JOIN participants pa ON pa.id = a.participant_id JOIN districts d ON d.id = pa.district_id"
# Groups with children only: the API also lists groups with held sessions and nobody counted (open meetings).
groups='(.groups[] | select(.distinctChildren > 0) | "\(.key)|\(.distinctChildren)|\(.participations)")'
total='"(all)|\(.distinctChildren)|\(.participations)"'

echo
echo "The reference, straight in PostgreSQL (COUNT(DISTINCT) over the raw attendance; the year view 3 times):"
check "${views[0]%%|*}" 3 "$(naive_query p.type "$from" "$to")" "year=$year" "$groups, $total"
check groupBy=programme 1 "$(naive_query p.code "$from" "$to")" "year=$year&groupBy=programme" "$groups, $total"
check groupBy=category 1 "$(naive_query cat.code "$from" "$to" "JOIN categories cat ON cat.id = p.category_id")" "year=$year&groupBy=category" "$groups, $total"
check groupBy=centre 1 "$(naive_query c.code "$from" "$to")" "year=$year&groupBy=centre" "$groups, $total"
check groupBy=district 1 "$(naive_query d.code "$from" "$to" "$people")" "year=$year&groupBy=district" "$groups, $total"
check groupBy=ageBand 1 "$(age_band_query "$from" "$to")" "year=$year&groupBy=ageBand" "$groups, $total"
check groupBy=focusArea 1 "$(naive_query "CASE WHEN d.is_focus_area THEN 'focus' ELSE 'other' END" "$from" "$to" "$people")" \
    "year=$year&groupBy=focusArea" "$groups, $total"
check groupBy=month 1 "$(naive_query "to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM')" "$from" "$to")" "year=$year&groupBy=month" "$groups, $total"
check "${views[8]%%|*}" 1 "$(naive_query p.type 2024-08-01 2025-08-01)" "year=2024&period=school" "$groups, $total"
# In a drill-down the totals are the scope's: the Workshop children, once each.
check "${views[9]%%|*}" 1 "$(naive_query c.code "$from" "$to" "" "p.type = 'Workshop'")" "year=$year&programmeType=Workshop&groupBy=centre" "$groups, $total"
check "${views[10]%%|*}" 1 "$(cumulative_query)" "year=$year&from=2023&to=2025" \
    '(.cumulative.years[] | "\(.year)|\(.distinctChildren)"), "(all)|\(.cumulative.distinctChildren)"'
load_after_reference=$(load)

# --- freshness: newly logged attendance ---------------------------------------------------------------------------
distinct_children() { curl -fsS -m 30 "${auth[@]}" "$base/api/v1/reach?year=$year" | jq -r .distinctChildren; }

# wait_for VALUE: polls the API every 0.2 s until distinctChildren is VALUE (at most 120 s); prints the seconds
# from the call and the last value.
wait_for() {
    local wanted=$1 start now value
    start=$(date +%s.%N)
    while :; do
        sleep 0.2
        value=$(distinct_children)
        now=$(elapsed "$start")
        if [ "$value" = "$wanted" ] || awk -v n="$now" 'BEGIN { exit !(n > 120) }'; then break; fi
    done
    echo "$now $value"
}

# refresh_logged FROM_LINE: the refresher's first log line after that line of the portal log: "children periods ms".
# It is written just after the figures are committed, so it may lag the API by a moment.
refresh_logged() {
    local line
    for _ in $(seq 1 20); do
        line=$(tail -n +"$(($1 + 1))" "$work/portal.log" | grep -F 'Reach figures refreshed' | head -n 1 || true)
        [ -z "$line" ] || break
        sleep 0.5
    done
    jq -r '.Properties | "\(.Participants) \(.Periods) \(.Elapsed)"' <<<"$line" 2>/dev/null || true
}

echo
echo "Freshness: a present attendance for a child not reached in $year yet, then polling the API every second..."
baseline=$(distinct_children)
freshness=()
fresh_failures=0
inserted=()
for ((trial = 0; trial < trials; trial++)); do
    # A child who came before, but not in 2025 (with a day to spare around the year in UTC).
    child=$(psql_reach "SELECT pa.id FROM participants pa
        WHERE EXISTS (SELECT FROM attendances a WHERE a.participant_id = pa.id AND a.status = 'Present')
          AND NOT EXISTS (SELECT FROM attendances a JOIN sessions s ON s.id = a.session_id
                          WHERE a.participant_id = pa.id AND a.status = 'Present' AND s.status = 'Held'
                            AND s.starts_at >= '$((year - 1))-12-30' AND s.starts_at < '$((year + 1))-01-02')
        ORDER BY pa.id LIMIT 1 OFFSET $((trial * 1000))")
    session=$(psql_reach "SELECT s.id FROM sessions s JOIN offerings o ON o.id = s.offering_id JOIN programmes p ON p.id = o.programme_id
        WHERE s.status = 'Held' AND p.type <> 'OpenMeeting' AND s.starts_at >= '$year-03-01' AND s.starts_at < '$year-11-01'
        ORDER BY s.id LIMIT 1 OFFSET $((trial * 7919))")
    before=$(distinct_children)
    log_lines=$(wc -l <"$work/portal.log")
    psql_reach "INSERT INTO attendances (session_id, participant_id, status, recorded_at) VALUES ($session, $child, 'Present', now())" >/dev/null
    inserted+=("($session, $child)")
    read -r seconds after < <(wait_for $((before + 1)))
    logged=$(refresh_logged "$log_lines")
    result="child $child at session $session: $before -> $after after $seconds s; refresh logged (children, periods, ms): ${logged:-none}"
    [ "$after" = $((before + 1)) ] || { result="$result  NOT FRESH"; fresh_failures=$((fresh_failures + 1)); }
    echo "  $result"
    freshness+=("$seconds|$logged|$result")
done

# 100 children at once: one statement records 100 children not reached in 2025 yet at 100 held 2025 sessions, as a
# busy afternoon of rosters would; the seconds until the API counts exactly 100 more, and the refresh that did it.
hundred=""
if [ "$trials" -gt 0 ]; then
    echo "100 children at once: one present attendance each, for 100 children not reached in $year yet..."
    before=$(distinct_children)
    log_lines=$(wc -l <"$work/portal.log")
    psql_reach "INSERT INTO attendances (session_id, participant_id, status, recorded_at)
        SELECT s.id, c.id, 'Present', now()
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM (SELECT pa.id FROM participants pa
              WHERE EXISTS (SELECT FROM attendances a WHERE a.participant_id = pa.id AND a.status = 'Present')
                AND NOT EXISTS (SELECT FROM attendances a JOIN sessions s ON s.id = a.session_id
                                WHERE a.participant_id = pa.id AND a.status = 'Present' AND s.status = 'Held'
                                  AND s.starts_at >= '$((year - 1))-12-30' AND s.starts_at < '$((year + 1))-01-02')
              ORDER BY pa.id DESC LIMIT 100) x) c
        JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM (SELECT s.id FROM sessions s
              JOIN offerings o ON o.id = s.offering_id JOIN programmes p ON p.id = o.programme_id
              WHERE s.status = 'Held' AND p.type <> 'OpenMeeting' AND s.starts_at >= '$year-03-01' AND s.starts_at < '$year-11-01'
              ORDER BY s.id DESC LIMIT 100) x) s USING (n)
        RETURNING '(' || session_id || ', ' || participant_id || ')'" >"$work/hundred.txt"
    read -r seconds after < <(wait_for $((before + 100)))
    hundred="$before -> $after after $seconds s; refresh logged (children, periods, ms): $(refresh_logged "$log_lines")"
    [ "$after" = $((before + 100)) ] || { hundred="$hundred  NOT FRESH"; fresh_failures=$((fresh_failures + 1)); }
    echo "  $hundred"
    [ ! -s "$work/hundred.txt" ] || psql_reach "DELETE FROM attendances WHERE (session_id, participant_id) IN ($(paste -sd, "$work/hundred.txt"))" >/dev/null
fi

removal=""
if [ "${#inserted[@]}" -gt 0 ]; then
    echo "Removing the ${#inserted[@]} attendance rows again..."
    log_lines=$(wc -l <"$work/portal.log")
    psql_reach "DELETE FROM attendances WHERE (session_id, participant_id) IN ($(IFS=,; echo "${inserted[*]}"))" >/dev/null
    read -r seconds after < <(wait_for "$baseline")
    removal="back to $after (before the trials: $baseline) after $seconds s; refresh logged (children, periods, ms): $(refresh_logged "$log_lines")"
    echo "  $removal"
    [ "$after" = "$baseline" ] || { fresh_failures=$((fresh_failures + 1)); removal="$removal  NOT BACK"; }
fi
load_end=$(load)
stop_portal

# --- summary -------------------------------------------------------------------------------------------------------
below() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? "met" : "MISSED" }'; }
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
worst_p95=0
{
    echo "Reach benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
    echo "portal, curl and PostgreSQL share the machine. One client, one request after another: $warmup warm-up, then $repeat timed requests per view."
    echo "City: $dataset."
    echo "First full build: $(cat "$work/first-build.txt")"
    echo
    printf '%-50s %30s %26s %s\n' "view ($year unless named)" "API ms p50 / p95 / max (kB)" "naive SQL ms" "exact"
    for view in "${views[@]}"; do
        name=${view%%|*}
        read -r a50 a95 amax akb <<<"${api_ms[$name]}"
        worst_p95=$(awk -v a="$worst_p95" -v b="$a95" 'BEGIN { print (b + 0 > a + 0) ? b : a }')
        printf '%-50s %30s %26s %s\n' "$name" "$a50 / $a95 / $amax ($akb)" "${naive_ms[$name]}" "${exact[$name]}"
    done
    echo
    echo "The officials' dashboard in Chromium (signed in with password and TOTP code; one tab after another; ms):"
    sed -n '/^ms, /,/^  from shown to interactive/p' "$work/dashboard.txt"
    echo
    echo "Freshness (woken by NOTIFY, else every 20 s; seconds from the insert's commit until the API showed it, polled every 0.2 s):"
    for entry in "${freshness[@]}"; do echo "  ${entry##*|}"; done
    [ -z "$hundred" ] || echo "  100 children at once: $hundred"
    [ -z "$removal" ] || echo "  removal: $removal"
    echo
    echo "load average (1, 5, 15 min): before the portal $load_start; after the API timing $load_after_timing; after the dashboard $load_after_dashboard; after the reference $load_after_reference; at the end $load_end"
    echo "target each API view < 300 ms (worst p95 $worst_p95 ms): $(below "$worst_p95" 300)"
    sed -n 's/^target p95 at most 300 ms, /target dashboard p95 at most 300 ms, /p' "$work/dashboard.txt"
    echo "target exact (the naive SQL's numbers): $([ "$mismatches" = 0 ] && echo met || echo "MISSED in $mismatches views")"
    max_fresh=0
    for entry in "${freshness[@]}"; do max_fresh=$(awk -v a="$max_fresh" -v b="${entry%%|*}" 'BEGIN { print (b + 0 > a + 0) ? b : a }'); done
    echo "target new attendance within 10 s (slowest ${max_fresh} s): $([ "$fresh_failures" = 0 ] && below "$max_fresh" 10 || echo MISSED)"
} | tee "$results"
echo
echo "Written to $results; the naive queries' rows, the dashboard's runs, the portal log and the first build's output are in $work/."
[ "$mismatches" = 0 ] || fs_die "the API's numbers differ from the naive SQL's in $mismatches views (see above)."
[ "$fresh_failures" = 0 ] || fs_die "newly logged attendance did not show as expected (see above)."
