#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite and prints
# TEST_POSTGRES_URL=… and TEST_POSTGRES_DIR=… (eval-able). Installs Debian's postgresql
# package first when it is missing and we may (root). Stop it with stop-test-postgres.sh DIR.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing PostgreSQL from Debian's packages…" >&2
    (apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null; }) >&2
    bin=$(find_bin)
  fi
fi
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install postgresql (as root)" >&2; exit 1; }

dir=$(mktemp -d /tmp/stowage-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg=()
# PostgreSQL refuses to run as root.
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/postgres"
echo "TEST_POSTGRES_DIR=$dir"
