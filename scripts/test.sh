#!/usr/bin/env bash
# The whole test suite (`npm test`): typecheck, lint and format, unit tests, the production build, then the
# integration tests against the built server twice: on SQLite and on a real PostgreSQL server,
# the scale-out tests (three servers on one PostgreSQL database and one S3 bucket), then the
# end-to-end tests in a browser (the search and browse specs on PostgreSQL as well).
# A real S3 server (Ceph's RADOS Gateway on loopback) runs throughout for the S3 driver and the
# S3-backed servers some integration tests start.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
pg_dir=""
s3_dir=""
cleanup() {
  [ -n "$pg_dir" ] && bash scripts/stop-test-postgres.sh "$pg_dir"
  [ -n "$s3_dir" ] && bash scripts/stop-test-s3.sh "$s3_dir"
  rm -rf "$results"
}
trap cleanup EXIT

echo "== S3 server for the tests"
eval "$(bash scripts/start-test-s3.sh)"
s3_dir=$TEST_S3_DIR
export TEST_S3_ENDPOINT TEST_S3_ACCESS_KEY TEST_S3_SECRET_KEY

echo "== typecheck"
npx tsc --noEmit

echo "== lint and format"
npx eslint --max-warnings 0 .
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "files not formatted: npm run format" >&2; exit 1; }

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

echo "== end-to-end tests on PostgreSQL (search and browse)"
# The specs whose pages differ per database, again against a server on a fresh database of the
# (en_US-collated) test cluster, with a port, data dir and outputs of their own.
e2e_pg_db="stowage_e2e_$(date +%s)_$$"
node -e 'const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1] });
  c.connect().then(() => c.query(`CREATE DATABASE "${process.argv[2]}"`)).then(() => c.end());' "$TEST_POSTGRES_URL" "$e2e_pg_db"
mkdir -p "$results/e2e-postgres-data"
E2E_DATABASE_URL="${TEST_POSTGRES_URL%/*}/$e2e_pg_db" E2E_PORT=3397 E2E_DATA_DIR="$results/e2e-postgres-data" \
  E2E_OUTPUT_DIR=test-results/e2e-postgres E2E_JSON_OUT="$results/e2e-postgres.json" \
  npx playwright test e2e/browse.spec.ts e2e/isolation.spec.ts

echo "== scale-out tests (three instances, PostgreSQL + S3)"
# Three production servers on one fresh PostgreSQL database and one fresh bucket, in parallel.
TEST_POSTGRES_URL=$TEST_POSTGRES_URL npx vitest run --config vitest.scaleout.config.ts --reporter=default --reporter=json --outputFile.json="$results/scaleout.json"

echo "== end-to-end tests (Playwright, Debian's Chromium)"
E2E_JSON_OUT="$results/e2e.json" npx playwright test

node -e '
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    const r = JSON.parse(require("fs").readFileSync(f, "utf8"));
    if (r.stats) {
      // Playwright report
      passed += r.stats.expected + r.stats.flaky; failed += r.stats.unexpected; skipped += r.stats.skipped;
    } else {
      passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    }
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/unit.json" "$results/sqlite.json" "$results/postgres.json" "$results/e2e-postgres.json" "$results/scaleout.json" "$results/e2e.json"
