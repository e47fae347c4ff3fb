#!/usr/bin/env bash
# `npm run screenshots`: rebuilds the app and rewrites docs/screenshots/*.png (light and dark,
# desktop and phone) from a fresh demo database. Kept out of `npm test`, which changes no file.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
npx next build
npx playwright test --project screenshots
