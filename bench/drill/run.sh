#!/usr/bin/env bash
# "Database dropped → service back" (issue 13): a pgbench database (scale 20, 2,000,000 rows in
# pgbench_accounts) in a PostgreSQL 15 started here (temporary, default settings, fsync on; stopped and
# removed afterwards) is backed up once with `jaga backup run db` (plain dump, zstd), then, each round:
#  jaga — the database is dropped and created again empty, and `jaga runbook run restore-db --yes` is timed
#         end to end: its `restore` step (latest backup into the database) and its `wait_for` step (the
#         plan's check `app`, `SELECT count(*) FROM pgbench_accounts` must be 2000000) — the service is back
#         when the command exits 0;
#  raw  — the database is dropped and created again empty, and the same artifact is restored without Jaga,
#         by the pipeline `jaga runbook show --format md` prints for it (docs/emergency.md, docs/backup.md
#         "restoring without Jaga"): `zstd -dc FILE | psql -X -q -v ON_ERROR_STOP=1 URL`, then the same
#         check query by psql, timed together;
#  raw1 — (not by default) the raw half doing by hand the rest of what Jaga's restore step does: psql
#         --single-transaction, and every table counted before the check (bench/drill/raw-restore.sh);
#  restore — for reference, where the time goes: the same restore by `jaga backup restore latest --into URL
#         --yes` (no runbook), then the check query by psql.
# After every restore pgbench_accounts must hold 2,000,000 rows (checked outside the timing). The parts
# rotate their order from round to round, so other load on the machine falls on all of them alike;
# the figures are the median of the rounds, and the ratio jaga ÷ raw (target ≤ 1.3), both of the medians
# and as the median of each round's own ratio. Wall time from GNU time (`/usr/bin/time -f %e`).
#
# Uses the ReadyToRun build, as bench/backup.sh does.
#   bash bench/drill/run.sh                  # RUNS=5 rounds, SCALE=20, PARTS="jaga raw restore"
#   RUNS=3 PARTS=raw bash bench/drill/run.sh # the raw half only (needs no `jaga runbook run`)
#   PARTS="jaga raw raw1 restore" ...        # also the raw restore doing the same work as Jaga's step
#   BUILD=0 ...                              # reuse bench/results/drill/r2r instead of publishing again
# The Jaga part also reads its run record from the state (bench/drill/steps.py): how long the restore and
# wait_for steps took by Jaga's own clock, into bench/results/drill/steps.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
scale=${SCALE:-20}
parts=${PARTS:-jaga raw restore}
rows_expected=$((scale * 100000))
out=bench/results/drill; mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
command -v zstd >/dev/null || { echo "needs zstd: apt-get install zstd" >&2; exit 1; }
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/pg_ctl" ] || { echo "needs PostgreSQL 15 in $pgbin" >&2; exit 1; }
export PATH="$pgbin:$PATH"
for p in $parts; do
  case $p in jaga|raw|raw1|restore) ;; *) echo "PARTS: unknown part '$p' (known: jaga raw raw1 restore)" >&2; exit 2 ;; esac
done

if [ "${BUILD:-1}" != 0 ] || [ ! -x "$out/r2r/jaga" ]; then
  echo "== publishing jaga (ReadyToRun) into $out/r2r" >&2
  dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q >/dev/null
fi
jaga=$(realpath "$out/r2r/jaga")
# The Jaga half needs `jaga runbook run` (Step 7's executor); say so at once rather than after the setup.
# (`jaga runbook run --help` is no test: an unknown subcommand shows the parent's help and exits 0.)
if [[ " $parts " == *" jaga "* ]] && ! "$jaga" runbook --help 2>/dev/null | grep -qE '^ +run( |$)'; then
  echo "this jaga ($("$jaga" --version 2>/dev/null || echo '?')) has no \`jaga runbook run\`: build it from a" >&2
  echo "commit that has the runbook executor, or measure the raw half alone with PARTS=raw" >&2
  exit 1
fi

work=$(mktemp -d /tmp/jaga-bench-drill.XXXXXX); chmod 755 "$work"
pgdir=""
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pgdir" ]; then runas pg_ctl -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- PostgreSQL 15, on a free port, as user postgres when we are root
pgdir="$work/pg"; mkdir -p "$pgdir/sock"; [ "$(id -u)" -ne 0 ] || chown -R postgres "$pgdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runas initdb -D "$pgdir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C --no-instructions >/dev/null
runas pg_ctl -D "$pgdir/data" -w -t 60 -l "$pgdir/log" -o "-p $port -k $pgdir/sock -c listen_addresses=127.0.0.1" start >/dev/null
conn=(-h 127.0.0.1 -p "$port" -U postgres)
db=app
url="postgres://postgres@127.0.0.1:$port/$db"
check_query="SELECT count(*) FROM pgbench_accounts"
count_rows() { psql "${conn[@]}" -X -At -d "$db" -c "$check_query"; }
recreate() { dropdb "${conn[@]}" --if-exists "$db"; createdb "${conn[@]}" "$db"; }

echo "== pgbench -i -s $scale" >&2
createdb "${conn[@]}" "$db"
pgbench "${conn[@]}" -i -s "$scale" -q "$db" >/dev/null 2>&1
dbsize=$(psql "${conn[@]}" -X -At -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))")

# ---- the plan: the backup job, the application's check, the restore runbook
plan="$work/plan"; mkdir -p "$plan"
cat >"$plan/jaga.yaml" <<EOF
version: 1
project: drill-bench
state: $plan/state.db
log: { file: $plan/maintenance.log }
destinations:
  local: { path: $plan/backup/ }
backup:
  - name: db
    source: { postgres: "$url" }
    schedule: "0 2 * * *"
    to: [local]
    file: "db_{date}_{time}"
    compress: zstd
monitoring:
  checks:
    - name: app
      postgres: "$url"
      query: "$check_query"
      expect: ["[RESULT] == $rows_expected"]
emergency:
  runbooks:
    - name: restore-db
      description: The database was lost. Restore the latest backup into it and wait until the application's check passes.
      steps:
        - restore: { backup: db, from: latest, into: "$url" }
        - wait_for: { check: app, timeout: 5m }
EOF
"$jaga" validate --plan "$plan/jaga.yaml" >/dev/null
cp "$plan/jaga.yaml" "$out/jaga.yaml"   # for reference: the plan as measured (paths are of the temp dir)

echo "== jaga backup run db" >&2
"$jaga" --plan "$plan/jaga.yaml" backup run db >/dev/null
artifact=$(find "$plan/backup" -type f -name 'db_*.sql.zst' | head -n 1)
[ -n "$artifact" ] || { echo "no artifact db_*.sql.zst in $plan/backup after \`jaga backup run db\`" >&2; exit 1; }
artifact_mib=$(stat -c %s "$artifact" | awk '{ printf "%.1f", $1 / 1048576 }')

# ---- one measurement: NAME then the command; appends "name round seconds load1" to $raw
raw="$out/raw.txt"; echo "name round seconds load1" >"$raw"
steps="$out/steps.txt"; echo "round restore_step_s wait_for_step_s run_s (as the run record has them)" >"$steps"
measure() {
  local name=$1; shift
  local tf="$work/time.out" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f "%e" -o "$tf" "$@" >"$work/cmd.out" 2>"$work/cmd.err"; then
    echo "FAILED: $name (round $round): $*" >&2; tail -n 30 "$work/cmd.out" "$work/cmd.err" >&2; exit 1
  fi
  local secs; secs=$(tail -n 1 "$tf")
  echo "$name $round $secs $load" >>"$raw"
  echo "   $name: $secs s (load $load)" >&2
}
median() { # seconds of the rows named $1
  awk -v n="$1" '$1 == n { print $3 }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
paired() { # median over rounds of ($1 ÷ raw) in the same round; $1 is jaga unless given
  awk -v a="${1:-jaga}" '$1 == a { x[$2] = $3 } $1 == "raw" { y[$2] = $3 } END { for (r in x) if ((r in y) && y[r] > 0) print x[r] / y[r] }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f\n", m } }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f\n", a / b }'; }
col_median() { # median of column $1 of $steps
  awk -v c="$1" 'NR > 1 { print $c }' "$steps" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
all_runs() { awk -v n="$1" '$1 == n { printf "%s%s", sep, $3; sep = ", " } END { if (!sep) printf "-" }' "$raw"; }

read -r -a order <<<"$parts"
for round in $(seq 1 "$runs"); do
  echo "-- round $round/$runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for t in "${order[@]}"; do
    recreate
    case $t in
      jaga) measure jaga "$jaga" --plan "$plan/jaga.yaml" runbook run restore-db --yes
            cp "$work/cmd.out" "$out/runbook-run.out"   # the last run's output, for reference
            echo "$round $(python3 bench/drill/steps.py "$plan/state.db")" >>"$steps" ;;
      raw)  measure raw bench/drill/raw-restore.sh "$artifact" "$url" "$check_query" "$rows_expected" ;;
      raw1) measure raw1 bench/drill/raw-restore.sh "$artifact" "$url" "$check_query" "$rows_expected" same-work ;;
      restore) measure restore bench/drill/jaga-restore.sh "$jaga" "$plan/jaga.yaml" "$url" "$check_query" "$rows_expected" ;;
    esac
    rows=$(count_rows)
    [ "$rows" -eq "$rows_expected" ] || { echo "after the $t restore of round $round pgbench_accounts has $rows rows, not $rows_expected" >&2; exit 1; }
  done
  order=("${order[@]:1}" "${order[0]}")   # rotate: the next part goes first next round
done

jm=$(median jaga); rm_=$(median raw); bm=$(median restore); r1=$(median raw1)
loads=$(awk 'NR > 1 { print $4 }' "$raw" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')
when=$(date -u '+%Y-%m-%d %H:%M UTC')
summary="$out/summary.md"
{
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; PostgreSQL $(postgres --version | awk '{ print $3 }'), psql $(psql --version | awk '{ print $3 }'), zstd $(zstd -V | grep -o 'v[0-9.]*'); jaga $("$jaga" --version 2>/dev/null | head -n 1)"
  echo "pgbench scale $scale (database $dbsize, $rows_expected rows in pgbench_accounts), artifact $(basename "$artifact") $artifact_mib MiB; $runs rounds; 1-min load $loads; $when"
  echo
  for n in jaga raw raw1 restore; do echo "- $n, every round (s): $(all_runs "$n")"; done
  jcol="$jm s"; [ "$jm" != "-" ] || jcol="not measured"
  rcol="$rm_ s"; [ "$rm_" != "-" ] || rcol="not measured"
  bcol="$bm s"; [ "$bm" != "-" ] || bcol="not measured"
  echo "- median: jaga $jcol, raw $rcol, restore $bcol; jaga ÷ raw: $(ratio "$jm" "$rm_") of the medians, $(paired) median per round (target ≤ 1.3); restore ÷ raw: $(ratio "$bm" "$rm_") / $(paired restore)"
  [ "$r1" = "-" ] || echo "- raw1 (one transaction, every table counted) median $r1 s; ÷ raw: $(ratio "$r1" "$rm_") / $(paired raw1)"
  if [ "$jm" != "-" ]; then
    echo "- the runbook's own record (median): restore step $(col_median 2) s, wait_for step $(col_median 3) s, run from start to end $(col_median 4) s; the rest of the wall time is the process (start-up, plan, store)"
  fi
  echo
  echo "Row for docs/benchmarks.md:"
  echo
  echo "| measured | rounds | 1-min load | \`jaga runbook run restore-db --yes\` | \`zstd -dc … \| psql\` + check | ratio (of medians) | ratio (median per round) | \`jaga backup restore\` + check (reference) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  echo "| $when | $runs | $loads | $jcol | $rcol | $(ratio "$jm" "$rm_") (target ≤ 1.3) | $(paired) | $bcol |"
} | tee "$summary"
echo; echo "raw figures: $raw; summary: $summary" >&2
