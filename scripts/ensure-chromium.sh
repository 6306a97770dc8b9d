#!/bin/sh
# Makes sure Debian's Chromium is installed at /usr/bin/chromium, for the HTML report test
# (test/report-html.test.ts drives it through playwright-core). Runs as root, e.g. in CI:
#   sh scripts/ensure-chromium.sh
# Set CHROMIUM_PATH to check another binary instead.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "chromium: found $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo "version unknown"))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: $CHROMIUM is missing and apt-get is not available; install Chromium with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "chromium: installing needs root (run as root or install sudo)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk

if [ ! -x "$CHROMIUM" ]; then
  echo "chromium: the chromium package is installed but $CHROMIUM does not exist" >&2
  exit 1
fi
echo "chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
