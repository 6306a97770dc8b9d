#!/bin/sh
# Run by `pnpm test` before the test suite: makes sure the real components the tests drive are there,
# installing them from Debian's packages when this runs as root (Chromium for the HTML report test, the
# PostgreSQL server binaries for the database tests). When one cannot be installed, it prints one line saying
# what to install and exits non-zero, so that no test is skipped for a missing service.
set -u
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! sh scripts/ensure-chromium.sh >"$log" 2>&1; then
  echo "pnpm test needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH): run it as root to install Debian's chromium package, or install Chromium yourself. $(tail -n 1 "$log")" >&2
  exit 1
fi
if ! bash scripts/ci-services.sh >"$log" 2>&1; then
  echo "pnpm test needs the PostgreSQL server binaries (initdb, pg_ctl): run it as root to install Debian's postgresql package, or install them and set PG_BIN. $(tail -n 1 "$log")" >&2
  exit 1
fi
