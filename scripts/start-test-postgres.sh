#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite and prints
# TEST_POSTGRES_URL=… and TEST_POSTGRES_DIR=… (eval-able). Installs Debian's postgresql
# package first when it is missing and we may (root). Stop it with stop-test-postgres.sh DIR.
#
# The cluster collates in en_US.UTF-8, a linguistic collation like most production clusters
# have (case and punctuation weigh less than letters), not the byte order of --no-locale: a
# query that is only right under byte order must fail here. The locale is generated first when
# the machine lacks it (Debian's `locales`, as root).
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

locale=en_US.UTF-8
have_locale() { locale -a 2>/dev/null | grep -qixE 'en_US\.utf-?8'; }
if ! have_locale; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # One generator at a time when several suites start at once; the others find it made.
    exec 9>/tmp/stowage-locale-gen.lock
    flock 9
    if ! have_locale; then
      echo "generating the $locale locale…" >&2
      command -v locale-gen >/dev/null || (apt-get install -y -q locales >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q locales >/dev/null; }) >&2
      grep -qxE 'en_US\.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo "en_US.UTF-8 UTF-8" >>/etc/locale.gen
      locale-gen >/dev/null
    fi
    flock -u 9
    exec 9>&-
  fi
fi
have_locale || { echo "the $locale locale is missing: add 'en_US.UTF-8 UTF-8' to /etc/locale.gen and run locale-gen (as root)" >&2; exit 1; }

dir=$(mktemp -d /tmp/stowage-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg=()
# PostgreSQL refuses to run as root.
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=$locale >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/postgres"
echo "TEST_POSTGRES_DIR=$dir"
