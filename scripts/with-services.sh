#!/usr/bin/env bash
# Run a command with PostgreSQL, Redis and Elasticsearch reachable on loopback,
# and Chromium installed.
#
# DATABASE_URL / REDIS_URL / ELASTICSEARCH_URL are honoured when set. Otherwise a service already
# answering on its port is reused, or a throwaway one is started from Debian's
# packages (installed with apt-get when missing) and stopped afterwards.
# A service that cannot be had is an error: tests never fall back silently.
set -euo pipefail

PG_PORT="${SAMENREDZAAM_PG_PORT:-54329}"
REDIS_PORT="${SAMENREDZAAM_REDIS_PORT:-63799}"
ES_PORT="${SAMENREDZAAM_ES_PORT:-59299}"
# The test distribution of Elasticsearch on Maven Central (same major as the Python client).
ES_VERSION="${SAMENREDZAAM_ES_VERSION:-9.5.0}"
# As root the service user must be able to read it, so not under /root.
if [ "$(id -u)" = 0 ]; then DEFAULT_CACHE=/var/cache/samenredzaam; else DEFAULT_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/samenredzaam"; fi
ES_CACHE="${SAMENREDZAAM_CACHE:-$DEFAULT_CACHE}"
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

# Elasticsearch refuses to run as root, and a shared install must stay read-only:
# the unpacked distribution lives in the cache, config/data/logs in RUN_DIR.
es_user() {
  if [ "$(id -u)" != 0 ]; then return; fi
  id samenredzaam-es >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin samenredzaam-es
  echo samenredzaam-es
}

es_java_home() {
  local jdk version
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -x "$jdk/bin/java" ] || continue
    version="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "${jdk%/}"; return 0; fi
  done
  return 1
}

start_elasticsearch() {
  local home="$ES_CACHE/elasticsearch-$ES_VERSION"
  if [ ! -x "$home/bin/elasticsearch" ]; then
    command -v mvn >/dev/null || apt_install maven
    command -v unzip >/dev/null || apt_install unzip
    log "fetching Elasticsearch $ES_VERSION (integ-test-zip) with mvn"
    mvn -q dependency:copy -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$RUN_DIR/es-download" >&2 \
      || die "could not fetch Elasticsearch $ES_VERSION from Maven Central"
    mkdir -p "$ES_CACHE"
    rm -rf "$home.partial" && mkdir -p "$home.partial"
    unzip -q "$RUN_DIR/es-download/elasticsearch-$ES_VERSION.zip" -d "$home.partial"
    mv "$home.partial/elasticsearch-$ES_VERSION" "$home" && rm -rf "$home.partial"
  fi
  command -v curl >/dev/null || apt_install curl
  local java user data="$RUN_DIR/es"
  java="$(es_java_home)" || die "Elasticsearch needs a JDK 21+ under /usr/lib/jvm"
  user="$(es_user)"
  mkdir -p "$data/data" "$data/logs" "$data/tmp"
  cp -r "$home/config" "$data/config"
  [ -n "$user" ] && chown -R "$user" "$data"
  local run=(env ES_JAVA_HOME="$java" ES_PATH_CONF="$data/config" ES_TMPDIR="$data/tmp"
    ES_JAVA_OPTS="-Xms512m -Xmx512m" "$home/bin/elasticsearch" -d -p "$data/es.pid"
    -Ediscovery.type=single-node -Expack.security.enabled=false -Ecluster.name=samenredzaam-test
    -Ehttp.host=127.0.0.1 -Ehttp.port="$ES_PORT" -Etransport.host=127.0.0.1 -Etransport.port="$((ES_PORT + 100))"
    -Epath.data="$data/data" -Epath.logs="$data/logs"
    -Ecluster.routing.allocation.disk.threshold_enabled=false)
  if [ -n "$user" ]; then run=(runuser -u "$user" -- "${run[@]}"); fi
  "${run[@]}" >"$data/start.log" 2>&1 || { tail -n 40 "$data/start.log" >&2; die "Elasticsearch did not start"; }
  local pid
  pid="$(cat "$data/es.pid")"
  STOP_ACTIONS+=("kill $pid && for _ in \$(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done")
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; then
      log "Elasticsearch $ES_VERSION started on 127.0.0.1:$ES_PORT"
      return 0
    fi
    sleep 1
  done
  tail -n 40 "$data/logs/samenredzaam-test.log" >&2 || true
  die "Elasticsearch did not become ready"
}

if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="postgres://samenredzaam@127.0.0.1:$PG_PORT/samenredzaam"
  if reachable "$PG_PORT"; then log "reusing PostgreSQL on 127.0.0.1:$PG_PORT"; else start_postgres; fi
fi
if [ -z "${REDIS_URL:-}" ]; then
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  if reachable "$REDIS_PORT"; then log "reusing Redis on 127.0.0.1:$REDIS_PORT"; else start_redis; fi
fi
if [ -z "${ELASTICSEARCH_URL:-}" ]; then
  export ELASTICSEARCH_URL="http://127.0.0.1:$ES_PORT"
  if reachable "$ES_PORT"; then log "reusing Elasticsearch on 127.0.0.1:$ES_PORT"; else start_elasticsearch; fi
fi
if [ "${SAMENREDZAAM_BROWSER:-1}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

"$@"
