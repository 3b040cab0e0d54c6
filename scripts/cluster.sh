#!/usr/bin/env bash
# Several portal instances behind nginx, on a PostgreSQL primary with a synchronous streaming replica, all on loopback
# from Debian's packages (docs/operations.md, "Two instances and a replica"):
#
#   scripts/cluster.sh start [instances]   primary + replica, the portal published once, N instances (default 2), nginx
#   scripts/cluster.sh status              who is primary, replication state and lag, instances and nginx
#   scripts/cluster.sh failover            stops the primary at once (as a crash would) and promotes the replica
#   scripts/cluster.sh rebuild-replica     after a failover: makes the old primary a replica of the new one
#   scripts/cluster.sh stop                stops nginx, the instances and both PostgreSQL servers
#
# Ports (environment): FS_PG_PORT (node A, the private cluster of .data/pg, default 55453), FS_PG_REPLICA_PORT (node B
# under .data/cluster/pg-b, default FS_PG_PORT+1), FS_CLUSTER_HTTP_PORT (nginx, default 5093; instances on the next
# ports). FS_CLUSTER_DEMO picks the demo city (default kocaeli); FS_CLUSTER_PUBLISH=0 reuses the last publish.
# Settings for the instances pass through the environment as usual (Portal__..., ASPNETCORE_ENVIRONMENT).
set -euo pipefail
export FS_PG_PORT=${FS_PG_PORT:-55453}
source "$(dirname "$0")/lib/postgres.sh"

CLUSTER_DIR="$FS_ROOT/.data/cluster"
NODE_A="$FS_PG_DIR/data"
NODE_B="$CLUSTER_DIR/pg-b/data"
PORT_A=$FS_PG_PORT
PORT_B=${FS_PG_REPLICA_PORT:-$((FS_PG_PORT + 1))}
HTTP_PORT=${FS_CLUSTER_HTTP_PORT:-5093}
DATABASE=familyservices_cluster
DEMO=${FS_CLUSTER_DEMO:-kocaeli}
NGINX_DIR="$CLUSTER_DIR/nginx"
PORTAL_DIR="$CLUSTER_DIR/portal"
PG_BIN=$(fs_find_pg_bin || true)

# Both nodes start with the same settings, since either may be the primary. synchronous_standby_names lives in
# postgresql.auto.conf (ALTER SYSTEM), not here: the command line would win over it, and a promoted replica that is
# alone must stop waiting for a standby (failover turns it off, rebuild-replica on again).
node_options() {
    echo "-p $1 -k $(dirname "$2") -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" \
         "-c synchronous_commit=on -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c wal_keep_size=256MB" \
         "-c cluster_name=familyservices-$3"
}

node_port() { [ "$1" = "$NODE_A" ] && echo "$PORT_A" || echo "$PORT_B"; }
node_name() { [ "$1" = "$NODE_A" ] && echo a || echo b; }
node_running() { [ -f "$1/PG_VERSION" ] && fs_as_pg_owner "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }
psql_on() { local port=$1; shift; "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$FS_PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

start_node() {
    local dir=$1 port; port=$(node_port "$1")
    chown -R postgres "$(dirname "$dir")"
    fs_as_pg_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$(dirname "$dir")/log" -w -t 120 -o "$(node_options "$port" "$dir" "$(node_name "$dir")")" start >/dev/null \
        || fs_die "PostgreSQL node $(node_name "$dir") did not start on $port; see $(dirname "$dir")/log"
}

stop_node() {
    local dir=$1 mode=${2:-fast}
    if node_running "$dir"; then fs_as_pg_owner "$PG_BIN/pg_ctl" -D "$dir" -m "$mode" -w stop >/dev/null; fi
}

# The node that runs and is not in recovery; empty when none.
primary_node() {
    local dir
    for dir in "$NODE_A" "$NODE_B"; do
        if node_running "$dir" && [ "$(psql_on "$(node_port "$dir")" -d postgres -c 'SELECT pg_is_in_recovery()')" = f ]; then
            echo "$dir"; return
        fi
    done
}
other_node() { [ "$1" = "$NODE_A" ] && echo "$NODE_B" || echo "$NODE_A"; }

connection_string() {
    # Both hosts, the primary wanted: after a promotion Npgsql finds the new primary by itself. A host found to be a
    # standby or down is asked again after Host Recheck Seconds.
    echo "Host=127.0.0.1:$PORT_A,127.0.0.1:$PORT_B;Target Session Attributes=primary;Host Recheck Seconds=2;Username=$FS_PG_USER;Database=$DATABASE"
}

# A fresh replica of the primary: a base backup with -R (standby.signal and primary_conninfo), as the postgres user.
make_replica() {
    local primary=$1 replica=$2
    stop_node "$replica" immediate
    rm -rf "$replica"
    mkdir -p "$(dirname "$replica")"
    chown postgres "$(dirname "$replica")"
    echo "Making node $(node_name "$replica") a streaming replica of node $(node_name "$primary") (pg_basebackup -R)..."
    fs_as_pg_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$(node_port "$primary")" -U "$FS_PG_USER" -D "$replica" -R -X stream -c fast \
        || fs_die "pg_basebackup failed"
    start_node "$replica"
    # Only now that a standby streams: from here on a commit returns once it is on both.
    psql_on "$(node_port "$primary")" -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
    for _ in $(seq 1 60); do
        [ "$(psql_on "$(node_port "$primary")" -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" = 1 ] && return
        sleep 1
    done
    fs_die "the replica did not become synchronous; see $(dirname "$replica")/log"
}

ensure_nginx() {
    command -v nginx >/dev/null && return
    [ "$(id -u)" = 0 ] || fs_die "nginx is needed: sudo apt-get install nginx-light"
    echo "nginx is not installed; installing it with apt-get (nginx-light)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
        || fs_die "apt-get could not install nginx-light"
    # Debian's package starts the system nginx on port 80; this script never uses it, nor changes its configuration.
}

write_nginx_config() {
    local instances=$1 servers="" i
    for i in $(seq 1 "$instances"); do
        servers+="        server 127.0.0.1:$((HTTP_PORT + i)) max_fails=1 fail_timeout=5s;"$'\n'
    done
    mkdir -p "$NGINX_DIR/tmp"
    # Workers run as nobody: they write request bodies and buffered answers here.
    chown nobody "$NGINX_DIR/tmp"
    cat >"$NGINX_DIR/nginx.conf" <<EOF
# Written by scripts/cluster.sh: the portal's instances behind one address. Not the system nginx's configuration.
worker_processes 1;
user nobody nogroup;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
    log_format upstream '\$remote_addr [\$time_local] "\$request_method \$uri" \$status \$upstream_addr \$request_time';
    access_log $NGINX_DIR/access.log upstream;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    client_max_body_size 200m;

    map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }

    # Staff pages and their circuits stay on one instance. nginx (open source) has no sticky cookie of its own, and
    # the sign-in cookie changes when it is renewed, so nginx hands every browser a random routing cookie (fs_route:
    # no personal data) on its first staff request and hashes on it; a new browser is placed by its request id.
    map \$cookie_fs_route \$route_key { "" \$request_id; default \$cookie_fs_route; }
    map \$cookie_fs_route \$route_cookie { "" "fs_route=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }

    upstream portal_any {
$servers    }
    upstream portal_sticky {
        hash \$route_key consistent;
$servers    }

    server {
        listen 127.0.0.1:$HTTP_PORT;
        proxy_http_version 1.1;
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_set_header Connection "";
        # A dead instance (connection refused) is skipped at once; a request it already received is not sent twice
        # unless its method is idempotent (nginx's own rule).
        proxy_next_upstream error timeout http_502;
        proxy_connect_timeout 2s;

        location / {
            proxy_pass http://portal_any;
        }
        location ~ ^/(staff|editor|admin|officials|account)(/|\$) {
            add_header Set-Cookie \$route_cookie always;
            proxy_pass http://portal_sticky;
        }
        location /_blazor {
            add_header Set-Cookie \$route_cookie always;
            # A location with proxy_set_header of its own inherits none of the server's.
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_read_timeout 120s;
            proxy_pass http://portal_sticky;
        }
    }
}
EOF
}

nginx_cmd() { nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" "$@"; }

publish_portal() {
    if [ "${FS_CLUSTER_PUBLISH:-1}" = 0 ] && [ -f "$PORTAL_DIR/FamilyServices.Web.dll" ]; then return; fi
    echo "Publishing the portal to .data/cluster/portal..."
    dotnet publish "$FS_ROOT/src/FamilyServices.Web" -c Release -o "$PORTAL_DIR" -v quiet -nologo >/dev/null \
        || fs_die "dotnet publish failed (run it by hand to see why)"
}

start_instance() {
    local i=$1 port=$((HTTP_PORT + $1))
    # The content root is the working directory; $! must be dotnet's own pid (a kill -9 of it is a fault test).
    (cd "$PORTAL_DIR" || exit 1
     ConnectionStrings__FamilyServices="$(connection_string)" \
        nohup dotnet "$PORTAL_DIR/FamilyServices.Web.dll" --urls "http://127.0.0.1:$port" >"$CLUSTER_DIR/instance-$i.log" 2>&1 &
     echo $! >"$CLUSTER_DIR/instance-$i.pid")
}

wait_ready() {
    local url=$1
    for _ in $(seq 1 120); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
        sleep 1
    done
    return 1
}

cmd_start() {
    local instances=${1:-2} primary replica i
    [ "$instances" -ge 1 ] 2>/dev/null || fs_die "instances must be a number of at least 1"
    mkdir -p "$CLUSTER_DIR"
    [ -n "$PG_BIN" ] || { fs_install_postgres; PG_BIN=$(fs_find_pg_bin); }
    [ -f "$NODE_A/PG_VERSION" ] || { fs_ensure_private_cluster; stop_node "$NODE_A"; }
    echo "$instances" >"$CLUSTER_DIR/instances"

    primary=$(primary_node)
    if [ -z "$primary" ]; then
        # Neither runs as primary: start the one without standby.signal (node A unless a failover made B the primary).
        primary=$NODE_A
        [ -f "$NODE_A/standby.signal" ] && [ -f "$NODE_B/PG_VERSION" ] && [ ! -f "$NODE_B/standby.signal" ] && primary=$NODE_B
        start_node "$primary"
    elif [ "$(psql_on "$(node_port "$primary")" -d postgres -c 'SHOW synchronous_commit')" != on ]; then
        # Started for the tests (scripts/lib/postgres.sh turns synchronous commit and fsync off): again, as a primary.
        stop_node "$primary"; start_node "$primary"
    fi
    replica=$(other_node "$primary")
    if [ -f "$replica/standby.signal" ]; then
        node_running "$replica" || start_node "$replica"
    else
        make_replica "$primary" "$replica"
    fi
    psql_on "$(node_port "$primary")" -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null

    FS_PG_PORT=$(node_port "$primary")
    FS_PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$FS_PG_PORT" -U "$FS_PG_USER" -v ON_ERROR_STOP=1 -qAt)
    fs_ensure_database "$DATABASE" >/dev/null

    publish_portal
    (cd "$PORTAL_DIR" && export ConnectionStrings__FamilyServices="$(connection_string)" \
        && dotnet FamilyServices.Web.dll migrate && dotnet FamilyServices.Web.dll seed-demo "$DEMO") >"$CLUSTER_DIR/seed.log" 2>&1 \
        || fs_die "migrating or seeding failed; see .data/cluster/seed.log"

    for i in $(seq 1 "$instances"); do
        if [ -f "$CLUSTER_DIR/instance-$i.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/instance-$i.pid")" 2>/dev/null; then continue; fi
        start_instance "$i"
    done
    for i in $(seq 1 "$instances"); do
        wait_ready "http://127.0.0.1:$((HTTP_PORT + i))/health/ready" || fs_die "instance $i did not get ready; see .data/cluster/instance-$i.log"
    done

    ensure_nginx
    write_nginx_config "$instances"
    if [ -f "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then nginx_cmd -s reload; else nginx_cmd; fi
    wait_ready "http://127.0.0.1:$HTTP_PORT/health/ready" || fs_die "nginx does not answer on $HTTP_PORT; see .data/cluster/nginx/error.log"
    echo "Up: http://127.0.0.1:$HTTP_PORT (nginx) over $instances instance(s) on $((HTTP_PORT + 1))-$((HTTP_PORT + instances))."
    cmd_status
}

cmd_status() {
    local dir primary i pid
    primary=$(primary_node)
    for dir in "$NODE_A" "$NODE_B"; do
        if ! node_running "$dir"; then echo "node $(node_name "$dir") :$(node_port "$dir")  stopped"; continue; fi
        if [ "$dir" = "$primary" ]; then echo "node $(node_name "$dir") :$(node_port "$dir")  primary"
        else echo "node $(node_name "$dir") :$(node_port "$dir")  replica, replay delay $(psql_on "$(node_port "$dir")" -d postgres -c \
            "SELECT coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 1)::text || ' s since the last replayed commit', 'none yet')")"
        fi
    done
    if [ -n "$primary" ]; then
        echo "replication (pg_stat_replication on the primary):"
        psql_on "$(node_port "$primary")" -d postgres -F ' | ' -c \
            "SELECT application_name, state, sync_state, coalesce(replay_lag::text, '0'), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes behind' FROM pg_stat_replication" \
            | sed 's/^/  /'
        echo "  synchronous_standby_names = '$(psql_on "$(node_port "$primary")" -d postgres -c 'SHOW synchronous_standby_names')'"
    fi
    for i in $(seq 1 "$(cat "$CLUSTER_DIR/instances" 2>/dev/null || echo 0)"); do
        pid=$(cat "$CLUSTER_DIR/instance-$i.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            echo "instance $i :$((HTTP_PORT + i)) pid $pid  /health/ready $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((HTTP_PORT + i))/health/ready")"
        else
            echo "instance $i :$((HTTP_PORT + i)) not running"
        fi
    done
    if [ -f "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then
        echo "nginx :$HTTP_PORT  /health/ready $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready")"
    else
        echo "nginx :$HTTP_PORT  not running"
    fi
}

cmd_failover() {
    local primary replica started
    primary=$(primary_node)
    [ -n "$primary" ] || fs_die "no primary runs"
    replica=$(other_node "$primary")
    node_running "$replica" && [ -f "$replica/standby.signal" ] || fs_die "no replica runs to promote"
    echo "Stopping the primary, node $(node_name "$primary") (immediate, as a crash)..."
    stop_node "$primary" immediate
    started=$(date +%s%N)
    fs_as_pg_owner "$PG_BIN/pg_ctl" -D "$replica" -w promote >/dev/null || fs_die "pg_ctl promote failed"
    # Alone now: a synchronous primary without a standby would keep every commit waiting.
    psql_on "$(node_port "$replica")" -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
    echo "Node $(node_name "$replica") (:$(node_port "$replica")) is the primary, promoted in $(( ($(date +%s%N) - started) / 1000000 )) ms."
    echo "The portals find it by themselves (multi-host connection string). Commits are no longer synchronous until a"
    echo "new replica streams: run 'scripts/cluster.sh rebuild-replica' to make node $(node_name "$primary") a replica of it."
}

cmd_rebuild_replica() {
    local primary
    primary=$(primary_node)
    [ -n "$primary" ] || fs_die "no primary runs"
    make_replica "$primary" "$(other_node "$primary")"
    cmd_status
}

cmd_stop() {
    local i pid
    if [ -f "$NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then nginx_cmd -s quit; fi
    for i in $(seq 1 "$(cat "$CLUSTER_DIR/instances" 2>/dev/null || echo 0)"); do
        pid=$(cat "$CLUSTER_DIR/instance-$i.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid"
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
        rm -f "$CLUSTER_DIR/instance-$i.pid"
    done
    # The replica first: a primary stopped first would leave the replica retrying it.
    if [ -n "$PG_BIN" ]; then
        local primary; primary=$(primary_node)
        if [ -n "$primary" ]; then stop_node "$(other_node "$primary")"; stop_node "$primary"; else stop_node "$NODE_A"; stop_node "$NODE_B"; fi
    fi
    echo "Stopped."
}

case "${1:-}" in
    start) cmd_start "${2:-2}" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    failover) cmd_failover ;;
    rebuild-replica) cmd_rebuild_replica ;;
    *) echo "usage: scripts/cluster.sh start [instances] | stop | status | failover | rebuild-replica" >&2; exit 2 ;;
esac
