#!/usr/bin/env bash
# The maintenance log's query (the dashboard's log page and `jaga log`) over 1,000,000 audit entries, on SQLite and on a
# real PostgreSQL started here (temporary, stopped afterwards): the first page, a page 900,000 entries deep, the level,
# pillar, text and time filters, each RUNS times after one warm-up; p50 and p95 per query. The entries are appended
# through the store's own batch append (hash chain and all), 90% INFO / 9% WARN / 1% ERROR, one every 30 s (a year back).
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${ENTRIES:-1000000}
runs=${RUNS:-20}
parts=${PARTS:-"sqlite postgres"}
work=$(mktemp -d /tmp/jaga-bench-logq.XXXXXX); chmod 755 "$work"
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then runas pg_ctl -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); export PATH="$pgbin:$PATH"

if [ "${BUILD:-1}" = 1 ]; then dotnet build bench/Jaga.Bench -c Release -nologo -v q >/dev/null; fi
bench="dotnet bench/Jaga.Bench/bin/Release/net10.0/Jaga.Bench.dll"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $parts " == *" sqlite "* ]]; then
  echo "== SQLite"
  $bench log-query "$work/state.db" "$entries" "$runs"
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"
fi
if [[ " $parts " == *" postgres "* ]]; then
  echo "== PostgreSQL"
  pgdir="$work/pg"; mkdir -p "$pgdir"; chown -R postgres "$pgdir" 2>/dev/null || true
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  runas initdb -D "$pgdir/data" -A trust -U jaga --no-sync >/dev/null
  runas pg_ctl -D "$pgdir/data" -w -l "$pgdir/log" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
  psql -h 127.0.0.1 -p "$port" -U jaga -d postgres -q -c "CREATE DATABASE bench" >/dev/null
  $bench log-query "postgres://jaga@127.0.0.1:$port/bench" "$entries" "$runs"
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"
fi
