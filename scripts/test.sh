#!/usr/bin/env bash
# Runs the whole test suite: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter Name~Schedule]
# Provisions PostgreSQL like the portal does (unless FS_TEST_POSTGRES names a server where the tests may create
# and drop databases); every test class works in its own throw-away database.
set -euo pipefail
source "$(dirname "$0")/lib/postgres.sh"

command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."

if [ -z "${FS_TEST_POSTGRES:-}" ]; then
    fs_ensure_private_cluster
    export FS_TEST_POSTGRES="$FS_PG_ADMIN"
fi

# Browser tests drive Debian's Chromium (never a downloaded browser) and inject axe-core from npm.
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's chromium for the browser tests..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || fs_die "apt-get could not install chromium."
    else
        fs_die "the browser tests need Chromium at /usr/bin/chromium (Debian: sudo apt-get install chromium)."
    fi
fi
browser_tests="$FS_ROOT/tests/FamilyServices.BrowserTests"
if [ -f "$browser_tests/package-lock.json" ]; then
    command -v npm >/dev/null || fs_die "npm (Node.js) is needed for the accessibility checks (Debian: sudo apt-get install npm)."
    (cd "$browser_tests" && npm ci --no-audit --no-fund --loglevel=error) || fs_die "npm ci failed in tests/FamilyServices.BrowserTests."
fi

# dotnet-ef (dotnet-tools.json) for the drift gate, Data/ModelChangesHaveMigrationsTests.
(cd "$FS_ROOT" && dotnet tool restore >/dev/null) || fs_die "dotnet tool restore failed (the local tools of dotnet-tools.json)."

results="$FS_ROOT/.data/test-results"
rm -rf "$results"
mkdir -p "$results"

cd "$FS_ROOT"
status=0
dotnet test FamilyServices.sln -c Release --nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

# One closing line over all test projects, in the plain form CI reads.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo
echo "Test results: $results"
[ -d "$results/screenshots" ] && echo "Screenshots of what the browser tests saw: $results/screenshots"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "error: no test ran" >&2; exit 1; }
exit $status
