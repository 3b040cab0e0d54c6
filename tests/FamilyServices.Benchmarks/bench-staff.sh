# Shared by the staff-page benchmarks (sourced after scripts/lib/postgres.sh and bench-portal.sh, once bench_publish
# ran): the Kocaeli demo in its own database of the private PostgreSQL, and staff accounts made with the portal's
# `users add` verb. Only ever 127.0.0.1.

# bench_staff_prepare: checks the tools, publishes the portal, builds the benchmark and makes sure of the demo database
# familyservices_pages_bench (both staff benchmarks share it).
bench_staff_prepare() {
    command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."
    command -v curl >/dev/null || fs_die "curl is needed."
    [ -x /usr/bin/chromium ] || fs_die "Chromium is needed: apt-get install chromium (never 'playwright install')."
    bench_publish
    bench_demo_database familyservices_pages_bench
}

# bench_start_staff_portal [NAME=VALUE]...: the published portal on a free loopback port, with no second factor
# required so the benchmark can sign in with a password.
bench_start_staff_portal() {
    bench_choose_port
    echo "Starting the portal on $base (Production, published, no second factor required)..."
    bench_start_published_portal "$connection_string" Portal__Accounts__TwoFactorRequiredRoles="" "$@"
}

# bench_record FILE COMMAND...: runs COMMAND, its output shown and written to FILE, and returns its exit code; the
# figures are kept whatever the checks say.
bench_record() {
    local file=$1 status
    shift
    set +e
    "$@" 2>&1 | tee "$file"
    status=${PIPESTATUS[0]}
    set -e
    return "$status"
}

# bench_machine: the machine and the code a result file belongs to.
bench_machine() {
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg);"
    echo "portal $(git -C "$FS_ROOT" describe --always --dirty) published in Release, Production, Kocaeli demo; Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')."
}

# bench_demo_database NAME: creates NAME when missing, migrates it and loads the Kocaeli demo once (a few minutes);
# sets connection_string.
bench_demo_database() {
    local database=$1
    fs_ensure_private_cluster
    connection_string=$(fs_ensure_database "$database")
    bench_verb migrate >/dev/null
    if [ -z "$("${FS_PSQL[@]}" -d "$database" -c "SELECT 1 FROM city_profiles LIMIT 1")" ]; then
        echo "Loading the Kocaeli demo into $database (a few minutes, once)..."
        bench_verb seed-demo kocaeli | tee "$work/seed-demo.log"
    fi
    bench_database=$database
}

# bench_verb ARGS...: one of the portal's operator verbs against the benchmark database.
bench_verb() {
    (cd "$work/portal" && exec env ConnectionStrings__FamilyServices="$connection_string" Serilog__MinimumLevel__Default=Warning \
        "${portal[@]}" "$@")
}

# bench_staff_account EMAIL PASSWORD_FILE USERS_ADD_ARGS...: makes the account once with `users add` and keeps its
# one-time password in PASSWORD_FILE (loopback benchmark database only); the benchmark's first sign-in replaces it
# with a password of its own and writes that back to the file.
bench_staff_account() {
    local email=$1 password_file=$2
    shift 2
    if [ -n "$("${FS_PSQL[@]}" -d "$bench_database" -c "SELECT 1 FROM staff_users WHERE normalized_email = upper('$email')")" ]; then
        [ -s "$password_file" ] && return 0
        fs_die "$email exists but $password_file is gone; drop the database (dropdb -h 127.0.0.1 -p $FS_PG_PORT -U $FS_PG_USER $bench_database) and run again."
    fi
    bench_verb users add --email "$email" "$@" | sed -n 's/^One-time password[^:]*: //p' >"$password_file"
    [ -s "$password_file" ] || fs_die "users add gave no one-time password for $email."
}
