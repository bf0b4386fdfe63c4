#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 (as the postgres system user) and prints its connection string.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=${AUTOSHIP_PG_DIR:-/tmp/autoship-pg}
port=${AUTOSHIP_PG_PORT:-55432}
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! run "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  rm -rf "$dir"; mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run "$bin/initdb -D $dir -U postgres --auth=trust" >/dev/null
  run "$bin/pg_ctl -D $dir -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' -l $dir/log -w start" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
