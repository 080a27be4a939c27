#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium and its fonts (Playwright
# drives it; `npx playwright install` cannot download browsers here) and a PostgreSQL server (the
# database tests run on PGlite and on PostgreSQL). Says clearly what to do when it cannot.
set -uo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
# Chromium only recommends a font with Arial's metrics; without it, pages render in whatever font
# the machine has and the screenshots and layouts of the end-to-end tests differ between machines.
ls /usr/share/fonts/truetype/liberation*/LiberationSans-Regular.ttf >/dev/null 2>&1 || need+=(fonts-liberation)
if [ "${PARLEY_SKIP_POSTGRES:-0}" != "1" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "[setup] installing ${need[*]} from Debian's packages (one time)…"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] apt-get is not available: install ${need[*]} yourself (Chromium at /usr/bin/chromium or set CHROMIUM_PATH)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "[setup] need root to install ${need[*]}: run 'sudo apt-get install -y ${need[*]}' and try again." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
  echo "[setup] apt-get update failed: check the network access to Debian's package mirror." >&2
  exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/tmp/parley-apt.log 2>&1; then
  echo "[setup] installing ${need[*]} failed; the last lines of /tmp/parley-apt.log:" >&2
  tail -n 15 /tmp/parley-apt.log >&2
  exit 1
fi
echo "[setup] installed ${need[*]}."
