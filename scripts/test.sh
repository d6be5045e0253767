#!/usr/bin/env bash
# The whole test suite (`npm test`): typecheck, unit tests, the production build, then the
# integration tests against the built server twice: on SQLite and on a real PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
pg_dir=""
cleanup() {
  [ -n "$pg_dir" ] && bash scripts/stop-test-postgres.sh "$pg_dir"
  rm -rf "$results"
}
trap cleanup EXIT

echo "== typecheck"
npx tsc --noEmit

echo "== unit tests"
npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/unit.json"

echo "== production build"
npx next build

echo "== integration tests (SQLite)"
npx vitest run --config vitest.integration.config.ts --reporter=default --reporter=json --outputFile.json="$results/sqlite.json"

echo "== integration tests (PostgreSQL)"
eval "$(bash scripts/start-test-postgres.sh)"
pg_dir=$TEST_POSTGRES_DIR
TEST_POSTGRES_URL=$TEST_POSTGRES_URL npx vitest run --config vitest.integration.config.ts --reporter=default --reporter=json --outputFile.json="$results/postgres.json"

node -e '
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    const r = JSON.parse(require("fs").readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/unit.json" "$results/sqlite.json" "$results/postgres.json"
