#!/usr/bin/env bash
# The weight of a parent's page and of a staff page (issue 13; docs/performance.md), run on demand, never in CI:
#   tests/FamilyServices.Benchmarks/run-page-weight-benchmark.sh
# 1. the portal published in Release, the Kocaeli demo in database familyservices_pages_bench of the private
#    PostgreSQL of scripts/lib/postgres.sh (loaded once), an Admin pages.bench@example.org made with `users add`;
# 2. the portal on a free port of 127.0.0.1 only, Production settings, no second factor required
#    (Portal__Accounts__TwoFactorRequiredRoles="") so the benchmark can sign in with a password;
# 3. Debian's Chromium, headless (Playwright for .NET; never `playwright install`), visits each page once in a fresh
#    context: the public pages signed out (/, /search and the first programme /search links to), the staff pages
#    signed in (PAGE_WEIGHT_STAFF_PAGES, default below) until their circuit runs and the network is idle;
# 4. for every response: the body's bytes as transferred (with whatever Content-Encoding the portal chose), and gzip -9 and
#    brotli 11 of the body computed by the benchmark; the circuit's WebSocket bytes apart; totals per page;
# 5. prints the CSS+JS of the first public page as transferred against issue 15's target (70 kB);
# 6. fails when a public page loads MudBlazor or blazor.web.js, or a staff page does not run in its circuit.
# The summary goes to .data/bench/pages/results-<time>.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_ROOT=$(cd "$here/../.." && pwd)
source "$FS_ROOT/scripts/lib/postgres.sh"
work="$FS_ROOT/.data/bench/pages"
email=pages.bench@example.org
read -r -a staff_pages <<<"${PAGE_WEIGHT_STAFF_PAGES:-/staff/today /editor/programmes /admin/users /officials/reach}"

source "$here/bench-portal.sh"
source "$here/bench-staff.sh"
bench_staff_prepare
bench_staff_account "$email" "$work/admin-password" --role Admin --name "Page weight"

bench_start_staff_portal

programme=$(curl -fsS "$base/search" | grep -o 'href="/programmes/[^"?#]*"' | head -n 1 | sed 's/^href="//; s/"$//' || true)
[ -n "$programme" ] || fs_die "/search links to no programme: is the demo loaded?"

results="$work/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
public_args=()
for path in / /search "$programme"; do public_args+=(--public "$path"); done
staff_args=()
for path in "${staff_pages[@]}"; do staff_args+=(--staff "$path"); done
measure() {
    echo "Page weight, $(bench_machine) A fresh browser context per page (nothing cached)."
    "${tool[@]}" page-weight --base "$base" --email "$email" --password-file "$work/admin-password" "${public_args[@]}" "${staff_args[@]}"
}
status=0
bench_record "$results" measure || status=$?
stop_portal
echo
echo "Written to $results; the portal's log is $work/portal.log."
exit "$status"
