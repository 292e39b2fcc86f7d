#!/usr/bin/env bash
# Run a command with PostgreSQL and Redis reachable on loopback, and Chromium installed.
#
# DATABASE_URL / REDIS_URL are honoured when set. Otherwise a service already
# answering on its port is reused, or a throwaway one is started from Debian's
# packages (installed with apt-get when missing) and stopped afterwards.
# A service that cannot be had is an error: tests never fall back silently.
set -euo pipefail

PG_PORT="${SAMENREDZAAM_PG_PORT:-54329}"
REDIS_PORT="${SAMENREDZAAM_REDIS_PORT:-63799}"
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/samenredzaam-services.XXXXXX")"
chmod 755 "$RUN_DIR"
STOP_ACTIONS=()

log() { echo "[services] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  local status=$?
  for action in "${STOP_ACTIONS[@]}"; do eval "$action" || true; done
  rm -rf "$RUN_DIR"
  exit "$status"
}
trap cleanup EXIT INT TERM

reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 100); do reachable "$1" && return 0; sleep 0.1; done
  return 1
}

APT_UPDATED=0
apt_install() {
  [ "$(id -u)" = 0 ] || die "need Debian packages ($*) but not root: install them first"
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

as_service_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    apt_install postgresql
    bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  fi
  local data="$RUN_DIR/pg"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  as_service_user "$bindir/initdb" -D "$data" -U samenredzaam --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_service_user "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -o \
    "-h 127.0.0.1 -p $PG_PORT -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$data/server.log" >&2; die "PostgreSQL did not start"; }
  STOP_ACTIONS+=("as_service_user '$bindir/pg_ctl' -D '$data' -m fast stop >/dev/null")
  "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U samenredzaam samenredzaam
  log "PostgreSQL started on 127.0.0.1:$PG_PORT"
}

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --dir "$RUN_DIR" --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log"
  wait_for_port "$REDIS_PORT" || die "Redis did not start"
  STOP_ACTIONS+=("kill \$(cat '$RUN_DIR/redis.pid')")
  log "Redis started on 127.0.0.1:$REDIS_PORT"
}

if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="postgres://samenredzaam@127.0.0.1:$PG_PORT/samenredzaam"
  if reachable "$PG_PORT"; then log "reusing PostgreSQL on 127.0.0.1:$PG_PORT"; else start_postgres; fi
fi
if [ -z "${REDIS_URL:-}" ]; then
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  if reachable "$REDIS_PORT"; then log "reusing Redis on 127.0.0.1:$REDIS_PORT"; else start_redis; fi
fi
if [ "${SAMENREDZAAM_BROWSER:-1}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

"$@"
