#!/usr/bin/env bash
# Migration (Step 9): 1,000,000 rows over 5 tables from a SQLite file into PostgreSQL.
#   A. `jaga migrate export` + `jaga migrate import --atomic`  vs  `pgloader` doing the same SQLite → PostgreSQL load;
#   B. `jaga migrate import --atomic` alone                     vs  `psql -1` with `\copy` of the same CSV files and the
#      same DDL, keys, indexes, sequences and ANALYZE (bench/migrate/psql-script.py).
# Targets (docs/benchmarks.md, "Migration"): A at most 0.5× pgloader's wall time; B at most 1.1× psql's.
#
# The SQLite file is generated here (bench/migrate/make-db.py, seeded). PostgreSQL 15 is a throwaway cluster on a free
# loopback port (as user postgres when we are root), stopped afterwards. pgloader is installed with apt-get when missing.
# Each round runs every tool once into a fresh database, in an order that rotates from round to round so other load on
# the machine falls on all alike; the table gives the median of the rounds and of the per-round ratios.
# When the jaga build has no `migrate export` yet, part A is skipped and part B's export is written by
# bench/migrate/hand-export.py in the same conventions.
#   RUNS=3 ROWS=1000000 bash bench/migrate/run.sh       # BUILD=0 reuses bench/results/migrate/r2r; PARTS="import" skips A
#   JAGA=src/Jaga.Cli/bin/Release/net10.0/jaga bash bench/migrate/run.sh   # measures that build instead of publishing one
# Also, text COPY against binary COPY (the import's choice): Jaga.Bench copy-compare on the same export (COPY_COMPARE=0 skips).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
rows=${ROWS:-1000000}
parts=${PARTS:-export import}
out=bench/results/migrate; mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/pg_ctl" ] || { echo "needs PostgreSQL 15 in $pgbin" >&2; exit 1; }
export PATH="$pgbin:$PATH"

if [ -n "${JAGA:-}" ]; then
  jaga=$(realpath "$JAGA")
else
  if [ "${BUILD:-1}" != 0 ] || [ ! -x "$out/r2r/jaga" ]; then
    dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q >/dev/null
  fi
  jaga=$(realpath "$out/r2r/jaga")
fi
# `jaga migrate export --help` would show the group's help when there is no export command: ask the group what it has.
has_export=0; "$jaga" migrate --help 2>/dev/null | grep -q '^ *export ' && has_export=1
if [[ " $parts " == *" export "* ]] && [ "$has_export" = 1 ] && ! command -v pgloader >/dev/null; then
  echo "installing pgloader" >&2
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -q pgloader >/dev/null 2>&1 || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -q pgloader >/dev/null; }
fi

work=$(mktemp -d /tmp/jaga-bench-migrate.XXXXXX); chmod 755 "$work"
pgdir=""
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pgdir" ]; then runas pg_ctl -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---- PostgreSQL 15, default settings, on a free port
pgdir="$work/pg"; mkdir -p "$pgdir/sock"; [ "$(id -u)" -ne 0 ] || chown -R postgres "$pgdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runas initdb -D "$pgdir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C --no-instructions >/dev/null
runas pg_ctl -D "$pgdir/data" -w -t 60 -l "$pgdir/log" -o "-p $port -k $pgdir/sock -c listen_addresses=127.0.0.1" start >/dev/null
conn=(-h 127.0.0.1 -p "$port" -U postgres)
url="postgres://postgres@127.0.0.1:$port"
sql() { PGOPTIONS="-c client_min_messages=warning" psql "${conn[@]}" -X -q -d postgres -c "$1" >/dev/null; }
fresh() { sql "DROP DATABASE IF EXISTS $1"; sql "CREATE DATABASE $1"; }

# ---- the source, the plan Jaga logs to, and one export for part B
db="$work/app.db"
python3 bench/migrate/make-db.py "$db" "$rows" >&2
mkdir -p "$work/plan"; printf 'version: 1\nproject: bench\nlog: { file: logs/maintenance.log }\n' >"$work/plan/jaga.yaml"
plan="$work/plan/jaga.yaml"
if [ "$has_export" = 1 ]; then
  "$jaga" --plan "$plan" migrate export --from "sqlite:$db" --out "$work/export" >/dev/null
else
  echo "this jaga has no 'migrate export': part A skipped, part B's export written by hand-export.py" >&2
  python3 bench/migrate/hand-export.py "$db" "$work/export"
fi
python3 bench/migrate/psql-script.py "$work/export" >"$work/load.sql"

# The CPU time of the whole machine (user + nice + system + irq + softirq), in seconds: a tool's own CPU and the
# PostgreSQL server's together, which is what the two cores have to give (meaningful on a quiet machine only).
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz }' /proc/stat; }
measure() { # NAME then the command; appends "name round seconds rss_kb load1 machine_cpu_s" to $raw
  local name=$1; shift
  local tf="$work/time.out" load c0
  load=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(machine_cpu)
  if ! /usr/bin/time -f "%e %M" -o "$tf" "$@" >"$work/cmd.out" 2>"$work/cmd.err"; then
    echo "FAILED: $name: $*" >&2; cat "$work/cmd.err" "$work/cmd.out" >&2; exit 1
  fi
  echo "$name $round $(tail -n 1 "$tf") $load $(awk -v a="$c0" -v b="$(machine_cpu)" 'BEGIN { printf "%.2f", b - a }')" >>"$raw"
}
median() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$raw" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
paired() { # median over rounds of ($1's time ÷ $2's time) in the same round
  awk -v a="$1" -v b="$2" '$1 == a { x[$2] = $3 } $1 == b { y[$2] = $3 } END { for (r in x) if (r in y) print x[r] / y[r] }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

jaga_both() { rm -rf "$work/exp.$round"; "$jaga" --plan "$plan" migrate export --from "sqlite:$db" --out "$work/exp.$round" && "$jaga" --plan "$plan" migrate import --from "$work/exp.$round" --into "$url/a_jaga" --atomic; }
pgloader_load() { pgloader --quiet "sqlite://$db" "postgresql://postgres@127.0.0.1:$port/a_pgloader"; }
jaga_import() { "$jaga" --plan "$plan" migrate import --from "$work/export" --into "$url/b_jaga" --atomic; }
psql_copy() { psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 -1 -d b_psql -f "$work/load.sql" && psql -h 127.0.0.1 -p "$port" -U postgres -X -q -d b_psql -c "ANALYZE"; }
# GNU time runs programs, not shell functions: each tool runs in a bash that inherits them.
export -f jaga_both pgloader_load jaga_import psql_copy
export jaga plan db work url port

tools=()
if [[ " $parts " == *" export "* ]] && [ "$has_export" = 1 ]; then tools+=(jaga_both pgloader_load); fi
if [[ " $parts " == *" import "* ]]; then tools+=(jaga_import psql_copy); fi
raw="$out/raw.txt"; : >"$raw"
for round in $(seq 1 "$runs"); do
  n=${#tools[@]}
  for i in $(seq 0 $((n - 1))); do
    tool=${tools[$(((i + round) % n))]}
    case $tool in
      jaga_both) fresh a_jaga ;; pgloader_load) fresh a_pgloader ;; jaga_import) fresh b_jaga ;; psql_copy) fresh b_psql ;;
    esac
    echo "round $round: $tool" >&2
    export round
    measure "$tool" bash -c "$tool"
    rm -rf "$work/exp.$round"
  done
done

copy_compare=""
if [ "${COPY_COMPARE:-1}" != 0 ]; then
  echo "copy-compare: text COPY of the files vs binary COPY of parsed values" >&2
  dotnet build bench/Jaga.Bench -c Release -nologo -v q >/dev/null
  copy_compare=$(dotnet run --project bench/Jaga.Bench -c Release --no-build -- copy-compare "$work/export" "$url/postgres" "$runs" | paste -sd' ' -) || copy_compare="failed (is bench/Jaga.Bench built?)"
fi

summary="$out/summary.md"
{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; PostgreSQL $(postgres --version | awk '{ print $3 }')$(command -v pgloader >/dev/null && echo ", $(pgloader --version 2>/dev/null | sed -n 1p)")"
  echo "rows: $rows over 5 tables; export: $(du -sh "$work/export" | cut -f1); rounds: $runs; load1 at the rounds: $(awk '{ print $5 }' "$raw" | sort -g | sed -n '1p;$p' | paste -sd- -)"
  echo
  echo "| part | tool | median s | machine CPU s (median) | median peak RSS MiB | Jaga ÷ other (median of per-round ratios) | target |"
  echo "|---|---|---|---|---|---|---|"
  for t in "${tools[@]}"; do
    case $t in
      jaga_both) echo "| A | jaga migrate export + import --atomic | $(median jaga_both 3) | $(median jaga_both 6) | $(median jaga_both 4 | awk '{ printf "%.0f", $1 / 1024 }') | $(paired jaga_both pgloader_load) | ≤ 0.50 |" ;;
      pgloader_load) echo "| A | pgloader sqlite → postgresql | $(median pgloader_load 3) | $(median pgloader_load 6) | $(median pgloader_load 4 | awk '{ printf "%.0f", $1 / 1024 }') | | |" ;;
      jaga_import) echo "| B | jaga migrate import --atomic | $(median jaga_import 3) | $(median jaga_import 6) | $(median jaga_import 4 | awk '{ printf "%.0f", $1 / 1024 }') | $(paired jaga_import psql_copy) | ≤ 1.10 |" ;;
      psql_copy) echo "| B | psql -1 with \\copy (same DDL, keys, ANALYZE) | $(median psql_copy 3) | $(median psql_copy 6) | $(median psql_copy 4 | awk '{ printf "%.0f", $1 / 1024 }') | | |" ;;
    esac
  done
  [ -z "$copy_compare" ] || { echo; echo "tables created and loaded, no keys (Jaga.Bench copy-compare, median of $runs): $copy_compare"; }
} | tee "$summary"
