#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for newsprism tests, benchmarks and trials.
#
#   scripts/start_postgres.sh DIR [DBNAME]   start (or find running) a server in DIR;
#                                            prints its URL on stdout, nothing else
#   scripts/start_postgres.sh --stop DIR     stop the server in DIR
#
# Idempotent: a second start on the same DIR prints the URL of the running server.
# Installs Debian's `postgresql` with apt-get when no server binaries are found.
# The server listens on 127.0.0.1 only, on a free port, with trust authentication
# for loopback: it is for throwaway data, never for production (see docs/deploy.md).
# As root the cluster is owned by the `postgres` user (initdb refuses root).
set -euo pipefail

log() { echo "start_postgres: $*" >&2; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
    fi
    return 1
}

as_owner() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop=0
if [[ "${1:-}" == "--stop" ]]; then
    stop=1
    shift
fi
dir="${1:?usage: start_postgres.sh [--stop] DIR [DBNAME]}"
dbname="${2:-newsprism}"
[[ "$dbname" =~ ^[A-Za-z0-9_]+$ ]] || { log "database name must be letters, digits, _: $dbname"; exit 2; }
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
data="$dir/data"

if ! bindir="$(find_bindir)"; then
    if [[ "$(id -u)" != "0" ]]; then
        log "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
        exit 2
    fi
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bindir="$(find_bindir)" || { log "PostgreSQL installed but initdb not found"; exit 2; }
fi

if [[ $stop == 1 ]]; then
    if [[ -f "$data/postmaster.pid" ]]; then
        as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >&2
    fi
    exit 0
fi

if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
    chown postgres "$dir"
    chmod 700 "$dir"
fi

if [[ ! -f "$data/PG_VERSION" ]]; then
    as_owner "$bindir/initdb" -D "$data" -U newsprism --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { log "initdb failed, see $dir/initdb.log"; exit 1; }
fi

if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    port="$(cat "$dir/port")"
else
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    echo "$port" | as_owner tee "$dir/port" >/dev/null
    as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >&2 \
        || { log "server did not start, see $dir/server.log"; exit 1; }
fi

exists="$("$bindir/psql" -h 127.0.0.1 -p "$port" -U newsprism -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$dbname'")"
if [[ "$exists" != "1" ]]; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U newsprism "$dbname" >&2
fi
echo "postgresql://newsprism@127.0.0.1:$port/$dbname"
