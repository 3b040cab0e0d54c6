#!/usr/bin/env bash
# The bulk attendance import (docs/performance.md), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-import-benchmark.sh
# 1. the private PostgreSQL of scripts/lib/postgres.sh: the generated catalogue in familyservices_bench (made once,
#    as run-search-benchmark.sh does), copied afresh into familyservices_import_bench for every run, so the
#    search benchmark's database never sees imported attendance;
# 2. an import file of IMPORT_ROWS (1,000,000) rows for it, and an API token of a staff member of its centres;
# 3. the portal in Release on a free port of 127.0.0.1 only, Production settings;
# 4. curl posts the file to /api/v1/attendance/import, then posts it again (which must change nothing);
# 5. the reference: psql \copy of the same file into a staging table of text columns, nothing else;
# 6. a summary, also written to .data/bench/import/results-<time>.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"

rows=${IMPORT_ROWS:-1000000}
catalogue=familyservices_bench
database=familyservices_import_bench
work="$FS_ROOT/.data/bench/import"
[[ $rows =~ ^[0-9]+$ ]] && [ "$rows" -ge 1 ] && [ "$rows" -le 3000000 ] || fs_die "IMPORT_ROWS must be 1 to 3000000."

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

# post NAME: posts the file once; sets NAME_status, NAME_seconds and NAME_body.
post() {
    local name=$1 result
    echo
    echo "POST /api/v1/attendance/import ($name, $rows rows, $size_mb MB)..."
    result=$(curl -sS -m 600 -o "$work/response-$name.json" -w '%{http_code} %{time_total}' \
        -H "Authorization: Bearer $token" -H "Content-Type: text/csv" --data-binary "@$file" "$base/api/v1/attendance/import")
    printf -v "${name}_status" '%s' "${result% *}"
    printf -v "${name}_seconds" '%s' "$(awk -v s="${result#* }" 'BEGIN { printf "%.1f", s }')"
    printf -v "${name}_body" '%s' "$(head -c 600 "$work/response-$name.json")"
    echo "${result% *} in ${result#* } s: $(head -c 600 "$work/response-$name.json")"
}

counts() {
    psql_in "$database" "SELECT (SELECT count(*) FROM sessions) || ' sessions, ' || (SELECT count(*) FROM participants) || ' participants, '
        || (SELECT count(*) FROM attendances) || ' attendances, ' || (SELECT count(*) FROM attendance_changes) || ' changes'"
}

post first
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
    echo "target < 60 s for 1,000,000 rows: $(awk -v s="$first_seconds" 'BEGIN { print (s + 0 < 60) ? "met" : "MISSED" }')"
} | tee "$results"
echo
echo "Written to $results."
