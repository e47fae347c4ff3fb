#!/usr/bin/env bash
# `npm test`: type check, unit and integration tests (PGlite, and PostgreSQL when
# TEST_DATABASE_URL is set), the browser tests against a production build, then a small
# benchmark as a smoke check (timings printed, never asserted).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1

echo "== type check"
npx tsc --noEmit

echo "== unit and integration tests"
npx vitest run

echo "== build"
npx next build

echo "== browser tests"
npx playwright test

echo "== benchmark smoke (1 000 snapshots)"
NEXT_DIST_DIR=.next npm run bench -- --smoke
