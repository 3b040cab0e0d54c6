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
