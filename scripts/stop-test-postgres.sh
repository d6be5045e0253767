#!/usr/bin/env bash
# Stops the cluster start-test-postgres.sh started in DIR and removes it.
set -u
dir=${1:?usage: stop-test-postgres.sh DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
[ -d "$dir/data" ] && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
rm -rf "$dir"
