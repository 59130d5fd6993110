#!/usr/bin/env bash
# `jaga backup run` (plain pg_dump, zstd level 3) against `pg_dump | gzip > f` and `pg_dump -Fc > f`, and
# `jaga backup restore` against `zstd -dc f | psql`, on pgbench databases (pgbench -i -s 20 and -s 50) in a
# PostgreSQL 15 started here (temporary, default settings, fsync on; stopped afterwards). For reference also
# `pg_dump | zstd -3 > f`, the same work as Jaga's with the zstd command-line tool (target: Jaga at most 1.1x its time).
# Jaga's fixed cost per run (start, state store, manifest, fsyncs) is measured first, as `jaga backup run` of an empty
# database less `pg_dump | zstd -3` of the same (target: under 150 ms).
#
# Each round runs every tool once, in an order that rotates from round to round, so that other load on the
# machine falls on all of them alike; the table gives the median of the rounds. Wall time and peak RSS come
# from GNU time (`/usr/bin/time -f "%e %M"`); %M is the largest RSS of any one process in the measured tree
# (the kernel's ru_maxrss of a reaped child covers its reaped descendants: max, not sum) — for Jaga that is
# the jaga process itself, pg_dump, its child, being far smaller (see its own row).
#
# Uses the ReadyToRun build (as bench/startup.sh, and as the README recommends for servers).
#   RUNS=5 SCALES="20 50" bash bench/backup.sh     # RUNS_50=3 sets one scale's rounds; BUILD=0 reuses bench/results/backup/r2r
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
scales=${SCALES:-20 50}
out=bench/results/backup; mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
command -v zstd >/dev/null || { echo "needs zstd: apt-get install zstd" >&2; exit 1; }
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/pg_ctl" ] || { echo "needs PostgreSQL 15 in $pgbin" >&2; exit 1; }
export PATH="$pgbin:$PATH"

if [ "${BUILD:-1}" != 0 ] || [ ! -x "$out/r2r/jaga" ]; then
  dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q >/dev/null
fi
jaga=$(realpath "$out/r2r/jaga")

work=$(mktemp -d /tmp/jaga-bench-backup.XXXXXX); chmod 755 "$work"
pgdir=""
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pgdir" ]; then runas pg_ctl -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---- PostgreSQL 15, on a free port, as user postgres when we are root
pgdir="$work/pg"; mkdir -p "$pgdir/sock"; [ "$(id -u)" -ne 0 ] || chown -R postgres "$pgdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runas initdb -D "$pgdir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C --no-instructions >/dev/null
runas pg_ctl -D "$pgdir/data" -w -t 60 -l "$pgdir/log" -o "-p $port -k $pgdir/sock -c listen_addresses=127.0.0.1" start >/dev/null
conn=(-h 127.0.0.1 -p "$port" -U postgres)
url="postgres://postgres@127.0.0.1:$port"
sql() { PGOPTIONS="-c client_min_messages=warning" psql "${conn[@]}" -X -q -d postgres -c "$1" >/dev/null; }

# ---- one measurement: NAME then the command; appends "scale name round seconds rss_kb load1" to $raw
measure() {
  local name=$1; shift
  local tf="$work/time.out" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f "%e %M" -o "$tf" "$@" >"$work/cmd.out" 2>"$work/cmd.err"; then
    echo "FAILED: $name: $*" >&2; cat "$work/cmd.err" >&2; exit 1
  fi
  echo "$scale $name $round $(tail -n 1 "$tf") $load" >>"$raw"
}
median() { # column $2 of this scale's rows whose name is $1
  awk -v s="$scale" -v n="$1" -v c="$2" '$1 == s && $2 == n { print $c }' "$raw" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
paired() { # median over rounds of (Jaga's time ÷ $2's time) in the same round, with Jaga's row named $1
  awk -v s="$scale" -v a="$1" -v b="$2" '$1 == s && $2 == a { x[$3] = $4 } $1 == s && $2 == b { y[$3] = $4 }
    END { for (r in x) if (r in y) print x[r] / y[r] }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

raw="$out/raw.txt"; : >"$raw"
echo "scale name round seconds rss_kb load1" >"$raw.header"
summary="$out/summary.md"; : >"$summary"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; PostgreSQL $(postgres --version | awk '{ print $3 }'), pg_dump $(pg_dump --version | awk '{ print $3 }'), zstd $(zstd -V | grep -o 'v[0-9.]*'), gzip $(gzip --version | head -n1 | awk '{ print $2 }')" | tee -a "$summary"

# ---- a plan in $plan backing up database $1: one job `db`, zstd, to a local folder
write_plan() {
  mkdir -p "$plan"
  cat >"$plan/jaga.yaml" <<EOF
version: 1
project: bench
state: $plan/state.db
log: { file: $plan/maintenance.log }
destinations:
  local: { path: $plan/backup/ }
backup:
  - name: db
    source: { postgres: "$url/$1" }
    schedule: "0 2 * * *"
    to: [local]
    file: "db_{date}_{time}"
    compress: zstd
EOF
  "$jaga" validate --plan "$plan/jaga.yaml" >/dev/null
}

# ---- the fixed cost: an empty database, backed up by Jaga and by pg_dump | zstd -3, alternating
scale=empty
sql "DROP DATABASE IF EXISTS empty"; sql "CREATE DATABASE empty"
plan="$work/empty"; write_plan empty
empty_runs=${RUNS_EMPTY:-$(( runs * 2 ))}
for round in $(seq 1 "$empty_runs"); do
  tools=(jaga zstd); [ $((round % 2)) -eq 1 ] || tools=(zstd jaga)
  for t in "${tools[@]}"; do
    case $t in
      jaga) rm -rf "$plan/backup"; measure "jaga_backup" "$jaga" --plan "$plan/jaga.yaml" --json backup run db ;;
      zstd) measure "pg_dump_zstd3" bash -c "pg_dump ${conn[*]} empty | zstd -q -3 > $work/e.sql.zst" ;;
    esac
  done
done
je=$(median jaga_backup 4); ze=$(median pg_dump_zstd3 4)
{
  echo
  echo "### fixed cost: an empty database, median of $empty_runs"
  echo
  echo "\`jaga backup run db\` $je s, \`pg_dump | zstd -3 > f\` $ze s: fixed cost $(awk -v a="$je" -v b="$ze" 'BEGIN { printf "%.0f", (a - b) * 1000 }') ms (target < 150 ms)"
  echo
  echo "- jaga_backup, all runs (s / RSS KB / load1): $(awk '$1 == "empty" && $2 == "jaga_backup" { printf "%s%s/%s/%s", sep, $4, $5, $6; sep = ", " }' "$raw")"
  echo "- pg_dump_zstd3, all runs: $(awk '$1 == "empty" && $2 == "pg_dump_zstd3" { printf "%s%s/%s/%s", sep, $4, $5, $6; sep = ", " }' "$raw")"
} | tee -a "$summary"
sql "DROP DATABASE empty"

for scale in $scales; do
  per_scale="RUNS_$scale"; runs=${!per_scale:-${RUNS:-5}}
  echo "== scale $scale: pgbench -i -s $scale" >&2
  sql "DROP DATABASE IF EXISTS bench"; sql "CREATE DATABASE bench"
  pgbench "${conn[@]}" -i -s "$scale" -q bench >/dev/null 2>&1
  dbsize=$(psql "${conn[@]}" -X -At -d bench -c "SELECT pg_size_pretty(pg_database_size('bench'))")

  plan="$work/s$scale"; rm -rf "$plan"; write_plan bench
  pg_dump "${conn[@]}" bench >/dev/null   # warm the cache: every tool below reads a warm database

  # Jaga keeps only its newest artifact (the folder is emptied before each run; the state keeps every record)
  for round in $(seq 1 "$runs"); do
    echo "-- scale $scale, backup round $round/$runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    tools=(jaga gzip custom zstd)
    shift_by=$(( (round - 1) % ${#tools[@]} ))
    order=("${tools[@]:$shift_by}" "${tools[@]:0:$shift_by}")
    for t in "${order[@]}"; do
      case $t in
        jaga)
          rm -rf "$plan/backup"
          measure "jaga_backup" "$jaga" --plan "$plan/jaga.yaml" --json backup run db
          cp "$work/cmd.out" "$plan/last-run.json" ;;
        gzip)   measure "pg_dump_gzip" bash -c "pg_dump ${conn[*]} bench | gzip > $work/f.sql.gz" ;;
        custom) measure "pg_dump_Fc" bash -c "pg_dump -Fc ${conn[*]} bench > $work/f.dump" ;;
        zstd)   measure "pg_dump_zstd3" bash -c "pg_dump ${conn[*]} bench | zstd -q -3 > $work/f.sql.zst" ;;
      esac
    done
  done
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$plan/last-run.json")
  artifact=$(find "$plan/backup" -type f -name 'db_*.sql.zst' | head -n 1)
  [ -n "$artifact" ] || { echo "no Jaga artifact in $plan/backup" >&2; exit 1; }
  jaga_size=$(stat -c %s "$artifact"); gzip_size=$(stat -c %s "$work/f.sql.gz")
  custom_size=$(stat -c %s "$work/f.dump"); zstd_size=$(stat -c %s "$work/f.sql.zst")
  plain_size=$(zstd -dc "$artifact" | wc -c)

  # Restores of Jaga's artifact into a fresh empty database each time. psql gets the flags Jaga gives it
  # (-X -q -v ON_ERROR_STOP=1 --single-transaction), so both do the same work in the server.
  for round in $(seq 1 "$runs"); do
    echo "-- scale $scale, restore round $round/$runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    tools=(jaga psql); [ $((round % 2)) -eq 1 ] || tools=(psql jaga)
    for t in "${tools[@]}"; do
      db="restore_${scale}_${round}_$t"
      sql "CREATE DATABASE $db"
      case $t in
        jaga) measure "jaga_restore" "$jaga" --plan "$plan/jaga.yaml" backup restore "$id" --into "$url/$db" --yes ;;
        psql) measure "zstd_psql" bash -c "zstd -dc $artifact | psql ${conn[*]} -X -q -v ON_ERROR_STOP=1 --single-transaction -d $db" ;;
      esac
      rows=$(psql "${conn[@]}" -X -At -d "$db" -c "SELECT count(*) FROM pgbench_accounts")
      [ "$rows" -eq $((scale * 100000)) ] || { echo "restore $db has $rows rows in pgbench_accounts" >&2; exit 1; }
      sql "DROP DATABASE $db"
    done
  done

  j=$(median jaga_backup 4); g=$(median pg_dump_gzip 4); c=$(median pg_dump_Fc 4); z=$(median pg_dump_zstd3 4)
  jr=$(median jaga_restore 4); pr=$(median zstd_psql 4)
  loads=$(awk -v s="$scale" '$1 == s { print $6 }' "$raw" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')
  {
    echo
    echo "### scale $scale (database $dbsize, plain dump $(mib "$plain_size") MiB), median of $runs, 1-min load $loads"
    echo
    echo "| command | wall (median) | Jaga ÷ this (of medians) | Jaga ÷ this (median per round) | peak RSS (median) | output |"
    echo "| --- | --- | --- | --- | --- | --- |"
    echo "| \`jaga backup run db\` (zstd 3) | $j s | — | — | $(mb "$(median jaga_backup 5)") MB | $(mib "$jaga_size") MiB |"
    echo "| \`pg_dump \| gzip > f\` | $g s | $(ratio "$j" "$g") (target ≤ 0.8) | $(paired jaga_backup pg_dump_gzip) | $(mb "$(median pg_dump_gzip 5)") MB | $(mib "$gzip_size") MiB |"
    echo "| \`pg_dump -Fc > f\` | $c s | $(ratio "$j" "$c") (target ≤ 1.0) | $(paired jaga_backup pg_dump_Fc) | $(mb "$(median pg_dump_Fc 5)") MB | $(mib "$custom_size") MiB |"
    echo "| \`pg_dump \| zstd -3 > f\` | $z s | $(ratio "$j" "$z") (target ≤ 1.1) | $(paired jaga_backup pg_dump_zstd3) | $(mb "$(median pg_dump_zstd3 5)") MB | $(mib "$zstd_size") MiB |"
    echo "| \`jaga backup restore\` | $jr s | — | — | $(mb "$(median jaga_restore 5)") MB | |"
    echo "| \`zstd -dc f \| psql\` | $pr s | $(ratio "$jr" "$pr") (target ≤ 1.1) | $(paired jaga_restore zstd_psql) | $(mb "$(median zstd_psql 5)") MB | |"
    echo
    for n in jaga_backup pg_dump_gzip pg_dump_Fc pg_dump_zstd3 jaga_restore zstd_psql; do
      echo "- $n, all runs (s / RSS KB / load1): $(awk -v s="$scale" -v n="$n" '$1 == s && $2 == n { printf "%s%s/%s/%s", sep, $4, $5, $6; sep = ", " }' "$raw")"
    done
  } | tee -a "$summary"
  sql "DROP DATABASE bench"
done
echo; echo "raw figures: $raw (columns: $(cat "$raw.header")); summary: $summary"
