#!/usr/bin/env bash
# `npm test`: type check, unit and integration tests (PGlite, and PostgreSQL when
# TEST_DATABASE_URL is set), then the browser tests against a production build.
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
