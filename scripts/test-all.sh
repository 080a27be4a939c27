#!/usr/bin/env bash
# `npm test`: every test layer in order — check (lint, types, format), unit and integration tests
# on PGlite, the database tests again on a throwaway PostgreSQL, the production build, a scan of
# the built assets for secrets, the end-to-end tests in Chromium, and the short resilience run.
# Each layer runs even when an earlier one failed (except what needs the build), and the run ends
# with one line "N passed, N failed" summed over every layer.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
REPORTS=.reports
rm -rf "$REPORTS"; mkdir -p "$REPORTS"
failed_steps=()

step() {
  local name="$1"; shift
  echo ""
  echo "━━ $name"
  local started=$SECONDS
  if "$@"; then echo "━━ $name: ok ($((SECONDS - started)) s)"; return 0; fi
  echo "━━ $name: FAILED ($((SECONDS - started)) s)"
  failed_steps+=("$name")
  return 1
}

step "system packages (Chromium, PostgreSQL)" bash scripts/install-system-deps.sh
step "check: lint, types, format" npm run --silent check

step "unit and integration tests (PGlite)" \
  npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"

if DATABASE_URL_PG=$(bash scripts/postgres.sh start); then
  step "database tests on PostgreSQL" env TEST_DATABASE_URL="$DATABASE_URL_PG" \
    npx vitest run tests/integration tests/db --no-file-parallelism --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-postgres.json"
  PG_URL="$DATABASE_URL_PG"
else
  failed_steps+=("start PostgreSQL")
  PG_URL=""
fi

if step "production build" npm run --silent build; then
  step "secret scan of the client bundle" node scripts/scan-secrets.mjs
  step "end-to-end tests (Chromium)" env CI="${CI:-1}" npx playwright test
  [ -f "$REPORTS/e2e-server.log" ] && step "secret scan of the server log" node scripts/scan-secrets.mjs --log "$REPORTS/e2e-server.log"
  if [ -n "$PG_URL" ] && [ -f scripts/resilience.mjs ]; then
    step "resilience (short) and two instances on PostgreSQL" env DATABASE_URL="$PG_URL" PARLEY_RESILIENCE_SHORT=1 node scripts/resilience.mjs
  fi
fi
[ -n "$PG_URL" ] && bash scripts/postgres.sh stop

node scripts/summarize-tests.mjs "$REPORTS" "${failed_steps[@]+"${failed_steps[@]}"}"
