#!/usr/bin/env bash
# The portal's memory per open staff page, i.e. per Blazor Server circuit (issue 13; docs/performance.md), run on
# demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-circuit-memory-benchmark.sh
# 1. the portal published in Release, the Kocaeli demo in database familyservices_pages_bench of the private
#    PostgreSQL (loaded once), a CentreStaff account circuits.bench@example.org of centre CIRCUIT_CENTRE (GOL) made
#    with `users add`; dotnet-counters (a .NET tool) installed into .data/bench/tools when missing;
# 2. a fresh portal on a free port of 127.0.0.1 only, Production settings, no second factor required;
# 3. one sign-in in Debian's Chromium (headless, Playwright for .NET), its cookie shared by every page; one
#    dotnet-counters session on the portal from before the first circuit to the end (GC heap, collections, circuits);
# 4. CIRCUIT_WARMUP (5) pages opened and closed; then CIRCUIT_PAGE (/staff/today) opened in batches of
#    CIRCUIT_BATCH (10) pages, each waiting for data-circuit="ready", up to each count of CIRCUIT_COUNTS (50,200),
#    CIRCUIT_SETTLE (30) s of rest, then the portal's RSS (/proc/PID/status), its GC heap, Chromium's PSS and the
#    machine's available memory; opening stops when less than CIRCUIT_MIN_AVAILABLE_MIB (4096) is left;
# 5. every page closed as a tab is closed, and memory read again after CIRCUIT_SETTLE s and after the circuit
#    retention period (180 s, ASP.NET Core's default) has passed; then CIRCUIT_TRAFFIC_AFTER (2000) ordinary GETs of
#    the parents' page / (4 at a time; 0: none), and memory once more: an idle portal runs no GC to give back what it freed.
# CIRCUIT_RENDERER_LIMIT passes --renderer-process-limit to Chromium (fewer processes for the same pages). Nothing in
# the portal is forced: no GC is induced, no endpoint added. The summary goes to .data/bench/circuits/results-<time>.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"
work="$FS_ROOT/.data/bench/circuits"
tools="$FS_ROOT/.data/bench/tools"
counters_version=10.0.750501
email=circuits.bench@example.org
centre=${CIRCUIT_CENTRE:-GOL}

source "$here/bench-portal.sh"
source "$here/bench-staff.sh"
bench_staff_prepare
bench_staff_account "$email" "$work/staff-password" --role CentreStaff --centre "$centre" --name "Circuit memory"

counter_args=()
if [ ! -x "$tools/dotnet-counters" ]; then
    dotnet tool install dotnet-counters --version "$counters_version" --tool-path "$tools" >"$work/tool-install.log" 2>&1 \
        || echo "warning: dotnet-counters could not be installed (see $work/tool-install.log): RSS only, no GC heap or circuit counts."
fi
[ -x "$tools/dotnet-counters" ] && counter_args=(--dotnet-counters "$tools/dotnet-counters")
options=(--page "${CIRCUIT_PAGE:-/staff/today}" --counts "${CIRCUIT_COUNTS:-50,200}" --batch "${CIRCUIT_BATCH:-10}"
    --warm-up "${CIRCUIT_WARMUP:-5}" --settle "${CIRCUIT_SETTLE:-30}" --min-available-mib "${CIRCUIT_MIN_AVAILABLE_MIB:-4096}")
[ "${CIRCUIT_TRAFFIC_AFTER:-2000}" = 0 ] || options+=(--traffic-after "${CIRCUIT_TRAFFIC_AFTER:-2000}")
[ -z "${CIRCUIT_RENDERER_LIMIT:-}" ] || options+=(--renderer-process-limit "$CIRCUIT_RENDERER_LIMIT")

# The parents' page / is the search, limited to 120 requests a minute per address: lifted for the traffic afterwards.
bench_start_staff_portal Portal__RateLimits__SearchPerMinute=100000000
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$work/results-$stamp.txt"
[ ${#counter_args[@]} -eq 0 ] || counter_args+=(--counters-csv "$work/counters-$stamp.csv")

measure() {
    echo "Circuit memory, $(bench_machine) Server GC."
    echo "A fresh portal process $portal_pid, RSS $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$portal_pid/status") after start; CentreStaff of $centre on ${CIRCUIT_PAGE:-/staff/today}; options: ${options[*]}"
    "${tool[@]}" circuit-memory --base "$base" --email "$email" --password-file "$work/staff-password" --portal-pid "$portal_pid" \
        "${options[@]}" "${counter_args[@]}"
}
status=0
bench_record "$results" measure || status=$?
stop_portal
echo
echo "Written to $results; the portal's log is $work/portal.log, the counters $work/counters-$stamp.csv."
exit "$status"
