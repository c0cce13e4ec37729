#!/usr/bin/env bash
# `npm test`: the type check and lint side by side; then the unit and integration tests, while the
# production build for the end-to-end tests is made beside them; then the end-to-end tests on that
# build (tests/setup/e2e-global.ts reuses it). On two cores this takes minutes less than one step
# after another, and a failing step still stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)

# Both at once, each one's output kept apart and printed whole; fails if either failed.
npm run --silent typecheck >"$logs/typecheck.log" 2>&1 &
typecheck=$!
npm run --silent lint >"$logs/lint.log" 2>&1 &
lint=$!
status=0
wait $typecheck || status=1
cat "$logs/typecheck.log"
wait $lint || status=1
cat "$logs/lint.log"
[ $status -eq 0 ] || exit 1

rm -rf .next
NODE_ENV=production npx next build >"$logs/build.log" 2>&1 &
build=$!
trap 'kill $build 2>/dev/null || true' EXIT

npx vitest run --project unit
npx vitest run --project integration

if ! wait $build; then
  cat "$logs/build.log"
  echo 'next build failed' >&2
  exit 1
fi
trap - EXIT
npx vitest run --project e2e
