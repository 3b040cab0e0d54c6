# Provisions the PostgreSQL the portal and its tests use. Sourced by run-portal.sh and test.sh.
#
# If ConnectionStrings__FamilyServices is set, that server is used as it is. Otherwise a private cluster lives
# under .data/pg (ignored by git) on 127.0.0.1, port 55432 or the next free one (recorded in .data/pg/port;
# FS_PG_PORT overrides): created on first use, started when it is not running, reused afterwards. Nothing here touches a system-wide PostgreSQL.

FS_ROOT=${FS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
FS_PG_DIR="$FS_ROOT/.data/pg"
FS_PG_USER=familyservices

fs_die() { echo "error: $*" >&2; exit 1; }

fs_find_pg_bin() {
    local candidate
    for candidate in "$(command -v pg_ctl 2>/dev/null)" /usr/lib/postgresql/*/bin/pg_ctl; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then dirname "$(readlink -f "$candidate")"; return 0; fi
    done
    return 1
}

fs_install_postgres() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "PostgreSQL is not installed; installing it with apt-get (postgresql, postgresql-contrib)..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null \
            || fs_die "apt-get could not install PostgreSQL."
    else
        fs_die "PostgreSQL 15 or later is needed: install the server and contrib packages (Debian: sudo apt-get install postgresql postgresql-contrib), or set ConnectionStrings__FamilyServices to a server you have."
    fi
}

fs_port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port of a stopped cluster: FS_PG_PORT if set, else the one it had (.data/pg/port) if still free, else the
# first free one from 55432, since another PostgreSQL (a second checkout's, say) may hold a port.
fs_choose_port() {
    if [ -n "${FS_PG_PORT:-}" ]; then return; fi
    local port=55432
    [ -f "$FS_PG_DIR/port" ] && port=$(cat "$FS_PG_DIR/port")
    while fs_port_in_use "$port"; do
        port=$((port + 1))
        [ "$port" -lt 55532 ] || fs_die "no free port between 55432 and 55531 for PostgreSQL; set FS_PG_PORT."
    done
    FS_PG_PORT=$port
    echo "$FS_PG_PORT" >"$FS_PG_DIR/port"
}

# Runs a command as the postgres user when we are root (initdb refuses root), else as ourselves.
fs_as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Ensures the private cluster runs; sets FS_PG_ADMIN (a connection string to its maintenance database).
fs_ensure_private_cluster() {
    local bin
    bin=$(fs_find_pg_bin) || { fs_install_postgres; bin=$(fs_find_pg_bin) || fs_die "pg_ctl not found after installing PostgreSQL."; }

    if [ ! -f "$FS_PG_DIR/data/PG_VERSION" ]; then
        echo "Creating a private PostgreSQL cluster in .data/pg ..."
        mkdir -p "$FS_PG_DIR"
        [ "$(id -u)" = 0 ] && chown postgres "$FS_PG_DIR"
        fs_as_pg_owner "$bin/initdb" -D "$FS_PG_DIR/data" -U "$FS_PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >"$FS_PG_DIR/initdb.log" 2>&1 \
            || fs_die "initdb failed; see .data/pg/initdb.log"
    fi
    # Root's umask or a copied checkout may leave the folder unreadable for postgres.
    [ "$(id -u)" = 0 ] && chown -R postgres "$FS_PG_DIR"

    if fs_as_pg_owner "$bin/pg_ctl" -D "$FS_PG_DIR/data" status >/dev/null 2>&1; then
        FS_PG_PORT=$(sed -n 4p "$FS_PG_DIR/data/postmaster.pid")   # the port it runs on
    else
        fs_choose_port
        fs_as_pg_owner "$bin/pg_ctl" -D "$FS_PG_DIR/data" -l "$FS_PG_DIR/log" -w -t 60 \
            -o "-p $FS_PG_PORT -k $FS_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off" \
            start >/dev/null || fs_die "PostgreSQL did not start; see .data/pg/log (is port $FS_PG_PORT taken? set FS_PG_PORT)."
    fi
    FS_PG_ADMIN="Host=127.0.0.1;Port=$FS_PG_PORT;Username=$FS_PG_USER;Database=postgres"
    FS_PSQL=("$bin/psql" -h 127.0.0.1 -p "$FS_PG_PORT" -U "$FS_PG_USER" -v ON_ERROR_STOP=1 -qAt)
}

# fs_ensure_database NAME: creates the database in the private cluster when missing; prints its connection string.
fs_ensure_database() {
    local name=$1
    if [ -z "$("${FS_PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
        "${FS_PSQL[@]}" -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null || fs_die "could not create database $name"
    fi
    echo "Host=127.0.0.1;Port=$FS_PG_PORT;Username=$FS_PG_USER;Database=$name"
}
