#!/usr/bin/env bash
# Runs the portal with demo data: ./scripts/run-portal.sh [kocaeli|herne|leeuwarden|wiesbaden|mayen-koblenz]
# Provisions PostgreSQL (see scripts/lib/postgres.sh) unless ConnectionStrings__FamilyServices is set,
# applies migrations, loads the demo city into an empty database, and serves http://127.0.0.1:$FS_PORT.
set -euo pipefail
source "$(dirname "$0")/lib/postgres.sh"

demo=${1:-kocaeli}
# Each city is shown in its own language first; parents can switch.
case "$demo" in
    kocaeli) default_language=tr ;;
    herne|wiesbaden|mayen-koblenz) default_language=de ;;
    leeuwarden) default_language=nl ;;
    *) fs_die "unknown demo '$demo': choose kocaeli, herne, leeuwarden, wiesbaden or mayen-koblenz" ;;
esac
port=${FS_PORT:-5080}

command -v dotnet >/dev/null || fs_die "the .NET 10 SDK is needed (https://dot.net); dotnet is not on PATH."

if [ -z "${ConnectionStrings__FamilyServices:-}" ]; then
    fs_ensure_private_cluster
    # Each demo city has its own database, so switching between them loses nothing.
    export ConnectionStrings__FamilyServices="$(fs_ensure_database "familyservices_${demo//-/_}")"
fi

export Portal__DefaultLanguage=${Portal__DefaultLanguage:-$default_language}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

echo "Building..."
dotnet build "$FS_ROOT/src/FamilyServices.Web" -c Release -o "$FS_ROOT/.data/portal" -v quiet -nologo >/dev/null \
    || { dotnet build "$FS_ROOT/src/FamilyServices.Web" -c Release -o "$FS_ROOT/.data/portal" -v quiet -nologo; fs_die "the build failed (output above)."; }
portal=(dotnet "$FS_ROOT/.data/portal/FamilyServices.Web.dll")

cd "$FS_ROOT/src/FamilyServices.Web"
"${portal[@]}" migrate
"${portal[@]}" seed-demo "$demo"

echo
echo "FamilyServices ($demo demo) is starting: open http://127.0.0.1:$port   (Ctrl+C stops it)"
echo
exec "${portal[@]}" --urls "http://127.0.0.1:$port"
