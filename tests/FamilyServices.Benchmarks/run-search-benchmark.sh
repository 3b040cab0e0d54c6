#!/usr/bin/env bash
# The parents' search under load (docs/performance.md), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-search-benchmark.sh
# 1. the private PostgreSQL of scripts/lib/postgres.sh, database familyservices_bench: migrated with the portal's
#    own `migrate` verb, then the generated catalogue (5,000 programmes, 20,000 offerings, 500 centres) once;
# 2. the portal in Release on a free port of 127.0.0.1 only, Production settings, search rate limit lifted;
# 3. wrk, BENCH_CONNECTIONS (32) connections on BENCH_THREADS (2) threads, BENCH_SECONDS (30) s after a
#    BENCH_WARMUP_SECONDS (5) s warm-up, against the API and then the search page, rotating through the search mix;
# 4. pgbench with the same mix as ProgrammeSearch.Sql straight in PostgreSQL: the reference (-M prepared, and
#    -M extended, which plans every execution as the portal's unprepared Npgsql commands do), and the same for the
#    statement it replaced (Search/previous-programme-search.sql, decision 0017), after `pgbench-script --sql-file`
#    proved that both return the same rows in the same order for every search;
# 5. a summary table with the CPU time PostgreSQL itself spent per search, also written to
#    .data/bench/results-<time>.txt.
# Installs wrk with apt-get when it is missing and we are root. Only ever talks to 127.0.0.1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"

seconds=${BENCH_SECONDS:-30}
warmup=${BENCH_WARMUP_SECONDS:-5}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
database=familyservices_bench
work="$FS_ROOT/.data/bench"

whole() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
whole "$seconds" 1 600 || fs_die "BENCH_SECONDS must be 1 to 600."
whole "$warmup" 0 120 || fs_die "BENCH_WARMUP_SECONDS must be 0 to 120."
whole "$connections" 1 150 || fs_die "BENCH_CONNECTIONS must be 1 to 150 (the private cluster allows 200 connections)."
whole "$threads" 1 "$connections" || fs_die "BENCH_THREADS must be 1 to BENCH_CONNECTIONS."

# --- tools ---------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."
command -v curl >/dev/null || fs_die "curl is needed."
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing wrk with apt-get..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || fs_die "apt-get could not install wrk."
    else
        fs_die "wrk is needed (Debian: sudo apt-get install wrk)."
    fi
fi

fs_ensure_private_cluster
pgbench=$(dirname "${FS_PSQL[0]}")/pgbench
[ -x "$pgbench" ] || fs_die "pgbench not found next to psql (${FS_PSQL[0]})."
connection_string=$(fs_ensure_database "$database")
psql_bench() { "${FS_PSQL[@]}" -d "$database" -c "$1"; }

# --- build, migrate, generate ----------------------------------------------------------------------------------
source "$here/bench-portal.sh"
bench_build

bench_catalogue "$database" "$connection_string"

echo
echo "The search mix, each search once through Npgsql as the portal sends it:"
"${tool[@]}" pgbench-script --connection "$connection_string" \
    --out "$work/search.pgbench.sql" --urls "$work/search-mix.tsv" --explain-dir "$work/explain" | tee "$work/search-mix.txt"
mix_count=$(wc -l <"$work/search-mix.tsv")

echo
echo "The statement before the search table (decision 0017) beside it: same rows in the same order for every search?"
"${tool[@]}" pgbench-script --connection "$connection_string" --sql-file "$here/Search/previous-programme-search.sql" \
    --out "$work/previous.pgbench.sql" --urls "$work/previous-mix.tsv" | tee "$work/previous-mix.txt" \
    || fs_die "the previous statement returns other rows than ProgrammeSearch.Sql (above): the comparison of the two is void."

clock_ticks=$(getconf CLK_TCK)
portal_cpu_ticks() { awk '{print $14 + $15}' "/proc/$portal_pid/stat"; }
machine_busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# postgres_cpu_ticks: CPU time of our PostgreSQL: the postmaster, its children that have ended (pgbench's backends,
# reaped into its cutime/cstime) and those still running (background processes).
postgres_cpu_ticks() {
    local postmaster
    postmaster=$(head -1 "$FS_PG_DIR/data/postmaster.pid")
    { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
      for child in $(ps -o pid= --ppid "$postmaster"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk '{ total += $1 } END { print total }'
}
# background_load: how busy the machine is for 3 s while nothing of ours runs, in % of all its cores.
background_load() {
    local busy_before total_before busy_after total_after
    read -r busy_before total_before < <(awk '/^cpu /{b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6}' /proc/stat)
    sleep 3
    read -r busy_after total_after < <(awk '/^cpu /{b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6}' /proc/stat)
    awk -v b=$((busy_after - busy_before)) -v t=$((total_after - total_before)) 'BEGIN { printf "%.0f", t ? 100 * b / t : 0 }'
}
background_before=$(background_load)
echo
echo "Other work on this machine before the runs: ${background_before}% of its CPU."
[ "$background_before" -le 10 ] || echo "warning: the machine is busy with other work; the figures will be lower than on a quiet machine."

# --- the portal ------------------------------------------------------------------------------------------------
bench_choose_port

echo
echo "Starting the portal on $base (Production, log level Warning, search rate limit lifted)..."
bench_start_portal "$connection_string" Portal__DefaultLanguage=de Portal__RateLimits__SearchPerMinute=100000000

echo "Checking every search of the mix answers 200 on the API and the page..."
while IFS=$'\t' read -r language query name; do
    for prefix in /api/v1/programmes /search; do
        status=$(curl -s -m 60 -o /dev/null -w '%{http_code}' -H "Accept-Language: $language" "$base$prefix?$query")
        [ "$status" = 200 ] || fs_die "$prefix?$query ($name) answered $status, not 200."
    done
done <"$work/search-mix.tsv"

# run_wrk NAME PREFIX: a warm-up, then the measured run; sets the result_NAME_* variables.
run_wrk() {
    local name=$1 prefix=$2 output portal_before busy_before portal_used busy_used requests
    echo
    echo "wrk: $prefix, $connections connections, $threads threads: ${warmup} s warm-up, then ${seconds} s..."
    if [ "$warmup" -gt 0 ]; then
        wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s "$here/search-mix.lua" "$base" -- "$prefix" "$work/search-mix.tsv" >/dev/null
    fi
    portal_before=$(portal_cpu_ticks); busy_before=$(machine_busy_ticks)
    output=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$here/search-mix.lua" "$base" -- "$prefix" "$work/search-mix.tsv")
    portal_used=$(( $(portal_cpu_ticks) - portal_before )); busy_used=$(( $(machine_busy_ticks) - busy_before ))
    echo "$output" | tee "$work/wrk-$name.txt"
    local result
    result=$(grep '^RESULT ' <<<"$output") || fs_die "wrk printed no RESULT line."
    for field in rps p50_ms p95_ms p99_ms non_2xx socket_errors requests; do
        printf -v "result_${name}_${field}" '%s' "$(sed -E "s/.* $field=([^ ]+).*/\1/" <<<"$result")"
    done
    local requests_variable="result_${name}_requests"
    requests=${!requests_variable}
    printf -v "result_${name}_portal_cpu_ms" '%s' "$(awk -v t="$portal_used" -v hz="$clock_ticks" -v n="$requests" 'BEGIN { printf "%.1f", n ? t * 1000 / hz / n : 0 }')"
    printf -v "result_${name}_machine_cpu_ms" '%s' "$(awk -v t="$busy_used" -v hz="$clock_ticks" -v n="$requests" 'BEGIN { printf "%.1f", n ? t * 1000 / hz / n : 0 }')"
}

run_wrk api /api/v1/programmes
run_wrk page /search
stop_portal

# --- the reference: the same SQL straight in PostgreSQL ----------------------------------------------------------
# run_pgbench NAME MODE SCRIPT: a warm-up, then the measured run with a per-transaction log; sets result_NAME_*.
run_pgbench() {
    local mode=$2 name=$1 output prefix="$work/pgbench-$1"
    local args=(-h 127.0.0.1 -p "$FS_PG_PORT" -U "$FS_PG_USER" -n -M "$mode" -c "$connections" -j "$threads" -f "$3")
    # Without JIT, as the portal's own connections (Platform/Database.cs): otherwise a plan whose estimate passes
    # jit_above_cost is compiled on every execution, which the portal never does.
    export PGOPTIONS="-c jit=off"
    echo
    echo "pgbench -M $mode, $(basename "$3"): $connections clients, $threads threads: ${warmup} s warm-up, then ${seconds} s..."
    if [ "$warmup" -gt 0 ]; then "$pgbench" "${args[@]}" -T "$warmup" "$database" >/dev/null 2>&1; fi
    rm -f "$prefix".*
    local busy_before busy_used postgres_before postgres_used
    busy_before=$(machine_busy_ticks); postgres_before=$(postgres_cpu_ticks)
    output=$("$pgbench" "${args[@]}" -T "$seconds" --log --log-prefix="$prefix" "$database" 2>&1)
    sleep 0.5   # the backends have ended; let the postmaster reap them into its cutime
    busy_used=$(( $(machine_busy_ticks) - busy_before )); postgres_used=$(( $(postgres_cpu_ticks) - postgres_before ))
    echo "$output" | tee "$work/pgbench-$name.txt" | grep -E 'processed|failed|latency average|^tps'
    printf -v "result_${name}_tps" '%s' "$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$output" | awk '{printf "%.1f", $1}')"
    printf -v "result_${name}_avg_ms" '%s' "$(sed -nE 's/^latency average = ([0-9.]+) ms.*/\1/p' <<<"$output" | awk '{printf "%.1f", $1}')"
    # Log lines: client transaction latency_us script epoch epoch_us.
    local percentiles
    percentiles=$(cat "$prefix".* | awk '{print $3}' | sort -n | awk '
        { v[NR] = $1 }
        function at(p,  i) { i = int(NR * p + 0.999999); if (i < 1) i = 1; return v[i] / 1000 }
        END { if (NR) printf "%.1f %.1f %.1f %d", at(0.50), at(0.95), at(0.99), NR; else print "0 0 0 0" }')
    read -r p50 p95 p99 transactions <<<"$percentiles"
    printf -v "result_${name}_p50_ms" '%s' "$p50"
    printf -v "result_${name}_p95_ms" '%s' "$p95"
    printf -v "result_${name}_p99_ms" '%s' "$p99"
    printf -v "result_${name}_machine_cpu_ms" '%s' "$(awk -v t="$busy_used" -v hz="$clock_ticks" -v n="$transactions" 'BEGIN { printf "%.1f", n ? t * 1000 / hz / n : 0 }')"
    printf -v "result_${name}_postgres_cpu_ms" '%s' "$(awk -v t="$postgres_used" -v hz="$clock_ticks" -v n="$transactions" 'BEGIN { printf "%.2f", n ? t * 1000 / hz / n : 0 }')"
    rm -f "$prefix".*
}

# Old and new alternate, so a change in the machine's other work hits both alike.
run_pgbench prepared prepared "$work/search.pgbench.sql"
run_pgbench previous_prepared prepared "$work/previous.pgbench.sql"
run_pgbench extended extended "$work/search.pgbench.sql"
run_pgbench previous_extended extended "$work/previous.pgbench.sql"
background_after=$(background_load)

# --- summary -------------------------------------------------------------------------------------------------------
below() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? "met" : "MISSED" }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "met" : "MISSED" }'; }
share_tps=$(awk -v t="$result_prepared_tps" 'BEGIN { printf "%.1f", t * 0.8 }')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b + 0 > 0 ? a / b : 0) }'; }
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "Search load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
    echo "portal, wrk/pgbench and PostgreSQL share the machine. $connections connections, $threads threads, ${seconds} s after a ${warmup} s warm-up;"
    echo "$mix_count searches in the mix; catalogue: $(psql_bench "SELECT (SELECT count(*) FROM programmes) || ' programmes, ' || (SELECT count(*) FROM offerings) || ' offerings, ' || (SELECT count(*) FROM centres) || ' centres'")."
    echo
    printf '%-34s %9s %8s %8s %8s %8s %14s %12s\n' "target" "req/s" "avg ms" "p50 ms" "p95 ms" "p99 ms" "CPU ms/req" "PG CPU ms"
    printf '%-34s %9s %8s %8s %8s %8s %14s\n' "API  /api/v1/programmes (wrk)" "$result_api_rps" "-" "$result_api_p50_ms" "$result_api_p95_ms" "$result_api_p99_ms" \
        "$result_api_machine_cpu_ms ($result_api_portal_cpu_ms portal)"
    printf '%-34s %9s %8s %8s %8s %8s %14s\n' "page /search (wrk)" "$result_page_rps" "-" "$result_page_p50_ms" "$result_page_p95_ms" "$result_page_p99_ms" \
        "$result_page_machine_cpu_ms ($result_page_portal_cpu_ms portal)"
    for run in prepared extended previous_prepared previous_extended; do
        label="SQL pgbench -M ${run#previous_} (tps)"
        [ "$run" = "${run#previous_}" ] || label="previous SQL -M ${run#previous_} (tps)"
        tps=result_${run}_tps avg=result_${run}_avg_ms p50=result_${run}_p50_ms p95=result_${run}_p95_ms p99=result_${run}_p99_ms
        machine=result_${run}_machine_cpu_ms postgres=result_${run}_postgres_cpu_ms
        printf '%-34s %9s %8s %8s %8s %8s %14s %12s\n' "$label" "${!tps}" "${!avg}" "${!p50}" "${!p95}" "${!p99}" "${!machine}" "${!postgres}"
    done
    echo
    echo "other work on the machine (3 s samples with nothing of ours running, % of all cores): ${background_before}% before, ${background_after}% after"
    echo "non-2xx answers: API $result_api_non_2xx, page $result_page_non_2xx; socket errors: API $result_api_socket_errors, page $result_page_socket_errors"
    echo "target p95 < 50 ms:                    API $(below "$result_api_p95_ms" 50), page $(below "$result_page_p95_ms" 50)"
    echo "target req/s >= 80 % of the SQL's ($share_tps): API $(at_least "$result_api_rps" "$share_tps"), page $(at_least "$result_page_rps" "$share_tps")"
    echo "target SQL tps >= 4x the previous statement's: -M prepared $(ratio "$result_prepared_tps" "$result_previous_prepared_tps")x $(at_least "$(ratio "$result_prepared_tps" "$result_previous_prepared_tps")" 4), -M extended $(ratio "$result_extended_tps" "$result_previous_extended_tps")x $(at_least "$(ratio "$result_extended_tps" "$result_previous_extended_tps")" 4)"
    echo "target PostgreSQL CPU per search <= 3 ms: -M prepared $result_prepared_postgres_cpu_ms $(below "$result_prepared_postgres_cpu_ms" 3.0001), -M extended $result_extended_postgres_cpu_ms $(below "$result_extended_postgres_cpu_ms" 3.0001)"
    echo "(CPU ms/req: all CPU time the machine spent during the run, divided by the requests; it includes the load tool and anything else running."
    echo " PG CPU ms: the CPU time of the benchmark's PostgreSQL cluster (postmaster and backends, also of other databases it serves), divided by the transactions.)"
} | tee "$results"
echo
echo "Written to $results; wrk and pgbench output, the pgbench script and EXPLAIN files for each search are in $work/."
