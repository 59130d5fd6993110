#!/usr/bin/env bash
# Append 1,000,000 audit entries in batches of 10,000, then verify the whole chain, on SQLite and on
# a real PostgreSQL started here (temporary, stopped afterwards). Baseline: sha256sum over a file of
# the same canonical bytes — the floor for "hash every entry" with the usual tool.
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${ENTRIES:-1000000}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/jaga-bench-audit.XXXXXX); chmod 755 "$work"
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then runas pg_ctl -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); export PATH="$pgbin:$PATH"

dotnet build bench/Jaga.Bench -c Release -nologo -v q >/dev/null
bench="dotnet bench/Jaga.Bench/bin/Release/net10.0/Jaga.Bench.dll"

echo "== SQLite, $entries entries, $runs runs"
for i in $(seq 1 "$runs"); do
  rm -f "$work"/state.db*
  $bench audit "$work/state.db" "$entries" 10000 "$work/canonical.txt"
done
echo "== sha256sum baseline over the same canonical bytes ($(du -h "$work/canonical.txt" | cut -f1))"
for i in $(seq 1 "$runs"); do /usr/bin/time -f "sha256sum_s=%e" sha256sum "$work/canonical.txt" >/dev/null; done

echo "== PostgreSQL, $entries entries, $runs runs"
pgdir="$work/pg"; mkdir -p "$pgdir"; chown -R postgres "$pgdir" 2>/dev/null || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runas initdb -D "$pgdir/data" -A trust -U jaga --no-sync >/dev/null
runas pg_ctl -D "$pgdir/data" -w -l "$pgdir/log" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
for i in $(seq 1 "$runs"); do
  psql -h 127.0.0.1 -p "$port" -U jaga -d postgres -q -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
  $bench audit "postgres://jaga@127.0.0.1:$port/bench" "$entries" 10000
done
