#!/usr/bin/env bash
# The bulk attendance import (docs/performance.md), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-import-benchmark.sh
# 1. the private PostgreSQL of scripts/lib/postgres.sh: the generated catalogue in familyservices_bench (made once,
#    as run-search-benchmark.sh does), copied afresh into familyservices_import_bench for every run, so the
#    search benchmark's database never sees imported attendance;
# 2. an import file of IMPORT_ROWS (1,000,000) rows for it, and an API token of a coordinator of its centres (the
#    file's dates reach back further than the 14 days in which ordinary staff may still record attendance);
# 3. the portal in Release on a free port of 127.0.0.1 only, Production settings;
# 4. curl posts the file to /api/v1/attendance/import, then posts it again (which must change nothing);
# 5. the reference: psql \copy of the same file into a staging table of text columns, nothing else;
# 6. a summary, also written to .data/bench/import/results-<time>.txt.
# With IMPORT_INVALID=1, every row of the file names an unknown offering instead, and step 4 posts it once: the
# answer is a 400 that lists every row's error. Its time, its size and the portal's peak memory (VmHWM) are reported.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"

rows=${IMPORT_ROWS:-1000000}
invalid=${IMPORT_INVALID:-0}
catalogue=familyservices_bench
database=familyservices_import_bench
work="$FS_ROOT/.data/bench/import"
[[ $rows =~ ^[0-9]+$ ]] && [ "$rows" -ge 1 ] && [ "$rows" -le 3000000 ] || fs_die "IMPORT_ROWS must be 1 to 3000000."
[[ $invalid =~ ^[01]$ ]] || fs_die "IMPORT_INVALID must be 0 or 1."

command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."
command -v curl >/dev/null || fs_die "curl is needed."

fs_ensure_private_cluster
catalogue_connection=$(fs_ensure_database "$catalogue")
psql_in() { local db=$1; shift; "${FS_PSQL[@]}" -d "$db" -c "$1"; }

# --- build, migrate, catalogue ----------------------------------------------------------------------------------
source "$here/bench-portal.sh"
bench_build

(cd "$FS_ROOT/src/FamilyServices.Web" && ConnectionStrings__FamilyServices="$catalogue_connection" "${portal[@]}" migrate)
city=$(psql_in "$catalogue" "SELECT code FROM city_profiles ORDER BY id LIMIT 1")
if [ -z "$city" ]; then
    "${tool[@]}" generate-catalogue --connection "$catalogue_connection"
elif [ "$city" != benchcity ]; then
    fs_die "database $catalogue holds city '$city', not the benchmark's; drop it and run again."
fi

echo "Copying $catalogue into a fresh $database..."
psql_in postgres "DROP DATABASE IF EXISTS $database" >/dev/null
psql_in postgres "CREATE DATABASE $database TEMPLATE $catalogue" >/dev/null
connection_string=$(fs_ensure_database "$database")

# --- the file --------------------------------------------------------------------------------------------------
file="$work/attendance.csv"
"${tool[@]}" import-file --connection "$connection_string" --out "$file" --token-out "$work/token" --rows "$rows"
token=$(cat "$work/token")
if [ "$invalid" = 1 ]; then
    # The same rows, each with an offering code no offering has: one error per row, nothing else wrong.
    awk 'BEGIN { FS = OFS = "," } NR > 1 { $1 = "NO-SUCH-" $1 } { print }' "$file" >"$work/attendance-invalid.csv"
    file="$work/attendance-invalid.csv"
fi
size_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.0f", b / 1048576 }')

# --- the portal ------------------------------------------------------------------------------------------------
bench_choose_port

echo "Starting the portal on $base (Production, log level Warning)..."
(
    cd "$FS_ROOT/src/FamilyServices.Web"
    exec env ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__FamilyServices="$connection_string" \
        Serilog__MinimumLevel__Default=Warning \
        "${portal[@]}" --urls "$base"
) >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
    kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; fs_die "the portal stopped (log above)."; }
    curl -fsS -m 5 -o /dev/null "$base/health/ready" 2>/dev/null && break
    sleep 0.5
done
curl -fsS -m 5 -o /dev/null "$base/health/ready" || fs_die "the portal did not become ready in 60 s; see $work/portal.log"

# post NAME: posts the file once; sets NAME_status, NAME_seconds, NAME_mb (response size) and NAME_body.
post() {
    local name=$1 result status seconds bytes
    echo
    echo "POST /api/v1/attendance/import ($name, $rows rows, $size_mb MB)..."
    result=$(curl -sS -m 600 -o "$work/response-$name.json" -w '%{http_code} %{time_total} %{size_download}' \
        -H "Authorization: Bearer $token" -H "Content-Type: text/csv" --data-binary "@$file" "$base/api/v1/attendance/import")
    read -r status seconds bytes <<<"$result"
    printf -v "${name}_status" '%s' "$status"
    printf -v "${name}_seconds" '%s' "$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s }')"
    printf -v "${name}_mb" '%s' "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
    printf -v "${name}_body" '%s' "$(head -c 600 "$work/response-$name.json")"
    echo "$status in $seconds s, $bytes bytes: $(head -c 600 "$work/response-$name.json")"
}

# The portal's resident memory now and at its peak so far (VmRSS, VmHWM of /proc), in MiB.
portal_memory() {
    awk '/^VmRSS/ { rss = $2 } /^VmHWM/ { hwm = $2 } END { printf "%.0f MiB now, %.0f MiB at the peak", rss / 1024, hwm / 1024 }' "/proc/$portal_pid/status"
}

counts() {
    psql_in "$database" "SELECT (SELECT count(*) FROM sessions) || ' sessions, ' || (SELECT count(*) FROM participants) || ' participants, '
        || (SELECT count(*) FROM attendances) || ' attendances, ' || (SELECT count(*) FROM attendance_changes) || ' changes'"
}

echo "Portal memory before the import: $(portal_memory)"

if [ "$invalid" = 1 ]; then
    before=$(counts)
    post invalid
    memory=$(portal_memory)
    stop_portal
    [ "$invalid_status" = 400 ] || fs_die "the import answered $invalid_status, not 400; see $work/response-invalid.json and $work/portal.log"
    errors=$(grep -o '"line":' "$work/response-invalid.json" | wc -l)
    after=$(counts)
    [ "$before" = "$after" ] || echo "warning: the refused import changed the database: $before -> $after"
    results="$work/results-invalid-$(date -u +%Y%m%dT%H%M%SZ).txt"
    {
        echo "Attendance import benchmark, every row invalid, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
        echo "portal, curl and PostgreSQL share the machine. $rows rows, $size_mb MB, each with an unknown offering code."
        echo
        echo "API import, refused (curl, end to end): $invalid_status in $invalid_seconds s"
        echo "response: $invalid_mb MB, $errors errors listed (one per row expected: $rows)"
        echo "portal memory after the import: $memory"
        echo "database before and after: $after"
        echo "start of the response: $invalid_body"
    } | tee "$results"
    echo
    echo "Written to $results."
    exit 0
fi

post first
first_memory=$(portal_memory)
[ "$first_status" = 200 ] || fs_die "the import answered $first_status, not 200; see $work/response-first.json and $work/portal.log"
after_first=$(counts)
post again
[ "$again_status" = 200 ] || fs_die "the second import answered $again_status, not 200."
after_again=$(counts)
stop_portal
[ "$after_first" = "$after_again" ] || echo "warning: the second import changed the database: $after_first -> $after_again"

# --- the reference: only moving the bytes into a staging table ---------------------------------------------------
echo
echo "Reference: psql \\copy of the same file into a staging table of text columns..."
start=$(date +%s.%N)
"${FS_PSQL[@]}" -d "$database" <<SQL
CREATE TEMP TABLE import_rows (offering_code text, session_date text, start_time text, participant_code text,
    birth_year text, birth_month text, district_code text, status text);
\copy import_rows FROM '$file' (FORMAT csv, HEADER MATCH)
SQL
copy_seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "$copy_seconds s"

results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "Attendance import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
    echo "portal, curl and PostgreSQL share the machine. $rows rows, $size_mb MB, on the generated catalogue."
    echo
    printf '%-46s %8s\n' "step" "seconds"
    printf '%-46s %8s\n' "API import, first time (curl, end to end)" "$first_seconds"
    printf '%-46s %8s\n' "API import, same file again (changes nothing)" "$again_seconds"
    printf '%-46s %8s\n' "psql \\copy into a staging table (reference)" "$copy_seconds"
    echo
    echo "first:  $first_body"
    echo "again:  $again_body"
    echo "after the first import: $after_first; after the second: $after_again"
    echo "portal memory after the first import: $first_memory"
    echo "target < 60 s for 1,000,000 rows: $(awk -v s="$first_seconds" 'BEGIN { print (s + 0 < 60) ? "met" : "MISSED" }')"
} | tee "$results"
echo
echo "Written to $results."
