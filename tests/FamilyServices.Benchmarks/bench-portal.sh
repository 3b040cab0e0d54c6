# Shared by the benchmark scripts (sourced, not run): building the portal and the benchmark tool, a free loopback
# port for the portal, and stopping the portal however the script ends. Only ever 127.0.0.1.

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

# bench_start_published_portal CONNECTION_STRING [NAME=VALUE]...: the published portal on $base in Production, log
# level Warning, with the extra settings given; its output in $work/portal.log, its process id in portal_pid.
bench_start_published_portal() {
    local connection=$1
    shift
    (cd "$work/portal" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__FamilyServices="$connection" \
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
