#!/usr/bin/env bash
# Makes the services the test suite needs available. Run it as root before the tests (CI does).
#
#   PostgreSQL: the database tests start their own throwaway cluster (initdb + pg_ctl in a temp
#   folder, on a free loopback port) from the server binaries, so only the binaries are needed.
#   When none are found, Debian's `postgresql` package is installed; the default cluster service
#   it brings is not started.
set -euo pipefail

have_postgres() {
  if [ -n "${PG_BIN:-}" ] && [ -x "${PG_BIN}/initdb" ] && [ -x "${PG_BIN}/pg_ctl" ]; then return 0; fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "${dir}/initdb" ] && [ -x "${dir}/pg_ctl" ]; then return 0; fi
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

if have_postgres; then
  echo "ci-services: PostgreSQL binaries found; nothing to install."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ci-services: PostgreSQL is not installed and this script is not running as root." >&2
  echo "ci-services: run it with sudo, or install the server binaries and set PG_BIN to their folder." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-services: no apt-get here; install the PostgreSQL server binaries and set PG_BIN to their folder." >&2
  exit 1
fi

echo "ci-services: installing PostgreSQL (Debian package 'postgresql')..."
# Keep package scripts from starting the default cluster: the tests start their own.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends postgresql

# Stop the default cluster in case the package started it anyway.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _rest; do
    pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
  done
fi

if have_postgres; then
  echo "ci-services: PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tail -n 1)"
else
  echo "ci-services: the postgresql package installed, but initdb/pg_ctl were not found." >&2
  exit 1
fi
