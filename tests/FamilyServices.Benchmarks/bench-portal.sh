# Shared by the benchmark scripts (sourced, not run): building the portal and the benchmark tool, the generated
# catalogue, a free loopback port for the portal, starting it, and stopping it however the script ends. Only ever 127.0.0.1.

# Builds both in Release into $work; sets portal and tool to the commands that run them.
bench_build() {
    mkdir -p "$work"
    echo "Building the portal and the benchmark (Release)..."
    local project
    for project in "$FS_ROOT/src/FamilyServices.Web:portal" "$here:tool"; do
        dotnet build "${project%:*}" -c Release -o "$work/${project##*:}" -nologo -v quiet >"$work/build.log" 2>&1 \
            || { cat "$work/build.log"; fs_die "the build of ${project%:*} failed (output above)."; }
    done
    portal=(dotnet "$work/portal/FamilyServices.Web.dll")
    tool=(dotnet "$work/tool/FamilyServices.Benchmarks.dll")
}

# Like bench_build, but publishes the portal, as the Dockerfile deploys it: the packages' files
# (/_content/MudBlazor/..., /_framework/blazor.web.js) are then in its wwwroot, with nothing read from the build
# machine. Run it from $work/portal (bench_start_published_portal does): its wwwroot is the content root's.
bench_publish() {
    mkdir -p "$work"
    echo "Publishing the portal and building the benchmark (Release)..."
    dotnet publish "$FS_ROOT/src/FamilyServices.Web" -c Release -o "$work/portal" -nologo -v quiet >"$work/build.log" 2>&1 \
        || { cat "$work/build.log"; fs_die "publishing the portal failed (output above)."; }
    dotnet build "$here" -c Release -o "$work/tool" -nologo -v quiet >"$work/build.log" 2>&1 \
        || { cat "$work/build.log"; fs_die "the build of the benchmark failed (output above)."; }
    portal=(dotnet "$work/portal/FamilyServices.Web.dll")
    tool=(dotnet "$work/tool/FamilyServices.Benchmarks.dll")
}

# bench_catalogue DATABASE CONNECTION_STRING: the portal's schema (its own `migrate` verb) and the generated benchmark
# city "Benchstadt" in DATABASE, generated once and reused; stops when the database holds another city. After bench_build.
bench_catalogue() {
    local database=$1 connection=$2 city counts
    (cd "$FS_ROOT/src/FamilyServices.Web" && ConnectionStrings__FamilyServices="$connection" "${portal[@]}" migrate)
    city=$("${FS_PSQL[@]}" -d "$database" -c "SELECT code FROM city_profiles ORDER BY id LIMIT 1")
    counts="SELECT (SELECT count(*) FROM programmes) || ' programmes, ' || (SELECT count(*) FROM offerings) || ' offerings, ' || (SELECT count(*) FROM centres) || ' centres'"
    if [ -z "$city" ]; then
        "${tool[@]}" generate-catalogue --connection "$connection"
    elif [ "$city" = benchcity ]; then
        echo "The benchmark catalogue is already there: $("${FS_PSQL[@]}" -d "$database" -c "$counts")."
    else
        fs_die "database $database holds city '$city', not the benchmark's; drop it (dropdb -h 127.0.0.1 -p $FS_PG_PORT -U $FS_PG_USER $database) and run again."
    fi
}

# bench_start_portal CONNECTION_STRING [NAME=VALUE]...: the portal of bench_build on $base, run from its project folder,
# in Production, log level Warning, with the extra settings given; output in $work/portal.log, process id in portal_pid.
bench_start_portal() {
    bench_start_portal_in "$FS_ROOT/src/FamilyServices.Web" "$@"
}

# bench_start_published_portal CONNECTION_STRING [NAME=VALUE]...: the same for the published portal of bench_publish.
bench_start_published_portal() {
    bench_start_portal_in "$work/portal" "$@"
}

bench_start_portal_in() {
    local folder=$1 connection=$2
    shift 2
    (cd "$folder" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__FamilyServices="$connection" \
        Serilog__MinimumLevel__Default=Warning "$@" "${portal[@]}" --urls "$base") >"$work/portal.log" 2>&1 &
    portal_pid=$!
    for _ in $(seq 1 120); do
        kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; fs_die "the portal stopped (log above)."; }
        curl -fsS -m 5 -o /dev/null "$base/health/ready" 2>/dev/null && return 0
        sleep 0.5
    done
    fs_die "the portal did not become ready in 60 s; see $work/portal.log"
}

# Sets port and base (http://127.0.0.1:PORT) to a port nothing listens on.
bench_choose_port() {
    port=
    local candidate
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 20000))
        # A connect test, so it sees listeners of every user.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || fs_die "found no free port on 127.0.0.1."
    base="http://127.0.0.1:$port"
}

portal_pid=
stop_portal() {
    if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
        kill "$portal_pid" 2>/dev/null || true
        wait "$portal_pid" 2>/dev/null || true
    fi
    portal_pid=
}
trap stop_portal EXIT
trap 'exit 130' INT TERM
