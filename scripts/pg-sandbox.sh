#!/usr/bin/env bash
# A throwaway PostgreSQL server for trying Cleanse's database sources and sinks by hand.
#
#   eval "$(scripts/pg-sandbox.sh start)"   # starts it and exports PGURL
#   scripts/pg-sandbox.sh stop               # stops it and deletes its data
#
# The server listens on 127.0.0.1 only, trusts local connections, and keeps everything in one temp
# folder (its unix socket too). As root it runs as the `postgres` user, since initdb refuses root.
set -euo pipefail

dir="${CLEANSE_PG_SANDBOX:-${TMPDIR:-/tmp}/cleanse-pg-sandbox}"
port="${CLEANSE_PG_PORT:-54329}"

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "${PG_BIN}/initdb" ]; then echo "$PG_BIN"; return; fi
  local newest=""
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && newest="$d"; done
  if [ -n "$newest" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-sandbox: PostgreSQL is not installed; run scripts/ci-services.sh as root first." >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin="$(find_bin)"
    if [ ! -d "$dir/data" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
      as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    echo "export PGURL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin="$(find_bin)"
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    echo "pg-sandbox: stopped and removed $dir" >&2
    ;;
  *)
    echo "usage: scripts/pg-sandbox.sh start|stop" >&2
    exit 2
    ;;
esac
