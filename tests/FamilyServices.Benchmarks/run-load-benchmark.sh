#!/usr/bin/env bash
# Latency at a constant arrival rate (docs/performance.md, issue 15), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-load-benchmark.sh
# 1. the search benchmark's setup (bench-portal.sh): private PostgreSQL, database familyservices_bench with the generated
#    catalogue, the portal built in Release on a free port of 127.0.0.1, Production, search rate limit lifted;
# 2. the 500 searches of the load test (`load searches`: the mix's 29 kinds, Zipf popularity), each checked to answer
#    200 on the API and the page;
# 3. per output-cache mode (BENCH_CACHE_MODES, "off on": Portal__OutputCache__Enabled=false / true, a fresh portal
#    each): one open-loop run at the target rate (cache off BENCH_RATE_CACHE_OFF=100, cache on BENCH_RATE_CACHE_ON=400
#    req/s; BENCH_SECONDS=60 after BENCH_WARMUP_SECONDS=10), then a sweep over BENCH_SWEEP_RATES
#    ("25 50 100 150 200 300 400 600" req/s, BENCH_SWEEP_SECONDS=30 each after BENCH_SWEEP_WARMUP_SECONDS=5) that stops
#    at the first rate missing p95 <= 50 ms (BENCH_SWEEP_ALL=1 runs every rate);
# 4. a summary: the targets met or missed, and the highest swept rate whose p95 <= 50 ms; also in .data/bench-load/.
# Every request alternates between /api/v1/programmes and /search, with the search's UI language as Accept-Language.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"

seconds=${BENCH_SECONDS:-60}
warmup=${BENCH_WARMUP_SECONDS:-10}
sweep_seconds=${BENCH_SWEEP_SECONDS:-30}
sweep_warmup=${BENCH_SWEEP_WARMUP_SECONDS:-5}
sweep_rates=${BENCH_SWEEP_RATES:-25 50 100 150 200 300 400 600}
sweep_all=${BENCH_SWEEP_ALL:-0}
cache_modes=${BENCH_CACHE_MODES:-off on}
rate_cache_off=${BENCH_RATE_CACHE_OFF:-100}
rate_cache_on=${BENCH_RATE_CACHE_ON:-400}
target_p95_ms=50
database=familyservices_bench
work="$FS_ROOT/.data/bench-load"

whole() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
whole "$seconds" 1 600 || fs_die "BENCH_SECONDS must be 1 to 600."
whole "$warmup" 0 120 || fs_die "BENCH_WARMUP_SECONDS must be 0 to 120."
whole "$sweep_seconds" 1 600 || fs_die "BENCH_SWEEP_SECONDS must be 1 to 600."
whole "$sweep_warmup" 0 120 || fs_die "BENCH_SWEEP_WARMUP_SECONDS must be 0 to 120."
for rate in $sweep_rates $rate_cache_off $rate_cache_on; do whole "$rate" 1 20000 || fs_die "rates must be whole requests per second, 1 to 20000 ('$rate')."; done
for mode in $cache_modes; do [[ $mode = off || $mode = on ]] || fs_die "BENCH_CACHE_MODES holds 'off' and/or 'on', not '$mode'."; done

command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."
command -v curl >/dev/null || fs_die "curl is needed."

fs_ensure_private_cluster
connection_string=$(fs_ensure_database "$database")

source "$here/bench-portal.sh"
bench_build
bench_catalogue "$database" "$connection_string"
"${tool[@]}" load searches --out "$work/load-searches.tsv"

targets=(--target /api/v1/programmes --target /search)
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
rows=()
verdicts=()

# field NAME: the value of NAME=... in the RESULT line on stdin.
field() { sed -nE "s/.* $1=([^ ]+).*/\1/p"; }
load_average() { cut -d' ' -f1 /proc/loadavg; }

# wait_portal_idle: until the portal uses under 5 % of a core for 2 s (at most 120 s). An overloaded run leaves requests
# waiting in the portal for a database connection long after the tool gave up on them; they must not slow the next run.
wait_portal_idle() {
    local hz before used
    hz=$(getconf CLK_TCK)
    for _ in $(seq 1 60); do
        before=$(awk '{print $14 + $15}' "/proc/$portal_pid/stat")
        sleep 2
        used=$(( $(awk '{print $14 + $15}' "/proc/$portal_pid/stat") - before ))
        [ $((used * 100)) -lt $((hz * 2 * 5)) ] && return 0
    done
    echo "warning: the portal was still busy after 120 s; the next run starts anyway."
}

# run_load MODE KIND RATE SECONDS WARMUP: one open-loop run; adds a row; sets p95 and errors of it.
run_load() {
    local mode=$1 kind=$2 rate=$3 run_seconds=$4 run_warmup=$5 output result load
    load=$(load_average)
    echo
    echo "cache $mode, $kind: $rate req/s for $run_seconds s after $run_warmup s (load average $load)..."
    output=$("${tool[@]}" load --base "$base" --urls "$work/load-searches.tsv" "${targets[@]}" \
        --rate "$rate" --seconds "$run_seconds" --warmup "$run_warmup")
    echo "$output" | tee "$work/load-cache-$mode-$kind-$rate.txt"
    result=$(grep '^RESULT ' <<<"$output") || fs_die "the load tool printed no RESULT line."
    p95=$(field p95_ms <<<"$result")
    errors=$(field errors <<<"$result")
    local behind
    behind=$([ "$(field behind <<<"$result")" = 1 ] && echo " (tool behind)" || echo "")
    rows+=("$(printf '%-5s %-6s %6s %8s %7s %7s %7s %7s %8s %9s %9s %7s %6s%s' "$mode" "$kind" "$rate" \
        "$(field rps <<<"$result")" "$(field p50_ms <<<"$result")" "$(field p90_ms <<<"$result")" "$p95" \
        "$(field p99_ms <<<"$result")" "$(field max_ms <<<"$result")" "$(field programmes_p95_ms <<<"$result")" \
        "$(field search_p95_ms <<<"$result")" "$errors" "$load" "$behind")")
}

# meets P95 ERRORS: p95 within the target (inf: more than 5 % got no answer) and every request answered 2xx.
meets() { [ "$1" != inf ] && awk -v p="$1" -v e="$2" -v t="$target_p95_ms" 'BEGIN { exit !(p + 0 <= t && e + 0 == 0) }'; }

for mode in $cache_modes; do
    enabled=$([ "$mode" = on ] && echo true || echo false)
    rate=$([ "$mode" = on ] && echo "$rate_cache_on" || echo "$rate_cache_off")
    bench_choose_port
    echo
    echo "Starting the portal on $base (Production, output cache $mode, search rate limit lifted)..."
    bench_start_portal "$connection_string" Portal__DefaultLanguage=de Portal__RateLimits__SearchPerMinute=100000000 \
        Portal__OutputCache__Enabled="$enabled"
    echo "Checking every search answers 200 on the API and the page..."
    "${tool[@]}" load check --base "$base" --urls "$work/load-searches.tsv" "${targets[@]}"

    run_load "$mode" target "$rate" "$seconds" "$warmup"
    if meets "$p95" "$errors"; then verdict=met; else verdict=MISSED; fi
    verdicts+=("cache $mode: p95 <= $target_p95_ms ms at $rate req/s, no errors: $verdict (p95 $p95 ms, $errors errors)")

    highest=none
    for sweep_rate in $sweep_rates; do
        wait_portal_idle
        run_load "$mode" sweep "$sweep_rate" "$sweep_seconds" "$sweep_warmup"
        if meets "$p95" "$errors"; then
            highest=$sweep_rate
        elif [ "$sweep_all" != 1 ]; then
            break
        fi
    done
    verdicts+=("cache $mode: highest swept rate with p95 <= $target_p95_ms ms and no errors: $highest req/s")
    stop_portal
done

{
    echo "Latency at a constant arrival rate, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
    echo "portal, load tool and PostgreSQL share the machine. $(wc -l <"$work/load-searches.tsv") searches (Zipf s = 1), requests alternate API and page;"
    echo "latency in ms from each request's intended send time; 'load' is the 1-minute load average at the run's start."
    echo
    printf '%-5s %-6s %6s %8s %7s %7s %7s %7s %8s %9s %9s %7s %6s\n' cache run req/s "2xx/s" p50 p90 p95 p99 max "API p95" "page p95" errors load
    printf '%s\n' "${rows[@]}"
    echo
    printf '%s\n' "${verdicts[@]}"
} | tee "$results"
echo
echo "Written to $results; each run's full output is in $work/."
