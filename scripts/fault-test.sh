#!/usr/bin/env bash
# Fault tests of issue 16 against the cluster of scripts/cluster.sh (start it first, with 2 or more instances):
#
#   scripts/fault-test.sh kill-instance [seconds]   kill -9 of instance FS_FAULT_INSTANCE (default 1) a third of the way into a steady load
#   scripts/fault-test.sh kill-primary [seconds]    the primary stopped at once and the replica promoted (cluster.sh failover)
#
# The load is W curl loops (FS_FAULT_WORKERS, default 4) through nginx over public pages and the search API; every
# answer's status and time go to .data/cluster/fault-<case>.log. It prints the failed requests by status and the time
# from the fault to the last failure (the time to full recovery; 0 when nothing failed). Start the cluster with a
# high search limit, or the load meets 429s: Portal__RateLimits__SearchPerMinute=1000000 scripts/cluster.sh start.
# Not yet: roster ticks and imports in the load, and the check that every acknowledged write is in the database.
set -euo pipefail
FS_ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLUSTER_DIR="$FS_ROOT/.data/cluster"
HTTP_PORT=${FS_CLUSTER_HTTP_PORT:-5093}
WORKERS=${FS_FAULT_WORKERS:-4}
case_name=${1:-}
seconds=${2:-30}
[ "$case_name" = kill-instance ] || [ "$case_name" = kill-primary ] || { echo "usage: scripts/fault-test.sh kill-instance|kill-primary [seconds]" >&2; exit 2; }
[ -f "$CLUSTER_DIR/instances" ] || { echo "error: no cluster; run scripts/cluster.sh start first" >&2; exit 1; }

log="$CLUSTER_DIR/fault-$case_name.log"
: >"$log"
paths=("/search?q=zumba" "/" "/api/v1/programmes?q=music" "/search?q=swim&age=4" "/api/v1/centres")

worker() {
    local end=$1 n=$2 path status
    while [ "$(date +%s)" -lt "$end" ]; do
        path=${paths[$(( (RANDOM + n) % ${#paths[@]} ))]}
        status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT$path" || true)
        echo "$(date +%s.%N) $status" >>"$log"
    done
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
end=$(( $(date +%s) + seconds ))
for n in $(seq 1 "$WORKERS"); do worker "$end" "$n" & done
sleep $(( seconds / 3 ))

fault_at=$(date +%s.%N)
echo "fault at $(date -u -d "@$fault_at" +%T.%3N) UTC"
case "$case_name" in
    kill-instance)
        victim=${FS_FAULT_INSTANCE:-1}
        pid=$(cat "$CLUSTER_DIR/instance-$victim.pid")
        echo "kill -9 instance $victim (pid $pid)"
        kill -9 "$pid"
        ;;
    kill-primary)
        "$FS_ROOT/scripts/cluster.sh" failover
        ;;
esac
wait

awk -v fault="$fault_at" '
    { total++; count[$2]++ }
    $2 !~ /^[23]/ { failed++; if ($1 > fault && $1 - fault > last) last = $1 - fault }
    END {
        printf "requests: %d, failed: %d\n", total, failed
        for (s in count) printf "  status %s: %d\n", s, count[s]
        printf "time from the fault to the last failure: %.1f s\n", last
    }' "$log"
echo "(each request: $log; bring the killed part back with scripts/cluster.sh start, or rebuild-replica after kill-primary)"
