#!/usr/bin/env bash
# The scheduler of `jaga run`, two ways (never at the same time as each other):
#  idle — `jaga run` with the example plan (examples/tokoku, copied to a temporary folder, on a free port) beside
#         Debian's `cron -f` with a crontab of the same schedules, both idle; RSS (VmRSS) sampled every SAMPLE
#         seconds and CPU (utime+stime, plus reaped children's) over the same window, from /proc.
#  load — bench/scheduler (SchedulerBench): 1,000 interval jobs every 10 s doing trivial work under Jaga's Scheduler
#         over a SQLite state store, then the same jobs as plain Task.Delay loops with the same concurrency limit and
#         no state store (the floor of a .NET timer; cron cannot schedule below one minute). Start lag p50/p99/max.
#
#   bash bench/scheduler.sh                         # 10 minutes each: idle, load (Jaga), load (timer floor)
#   SECONDS_EACH=60 bash bench/scheduler.sh         # a quick run; IDLE_SECONDS / LOAD_SECONDS / FLOOR_SECONDS each
#   PARTS=load JOBS=1000 CONCURRENCY=8 bash bench/scheduler.sh
# Needs root for cron (a file in /etc/cron.d, removed on exit); without it, or with CRON=0, the cron row is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
each=${SECONDS_EACH:-600}
idle_s=${IDLE_SECONDS:-$each}
load_s=${LOAD_SECONDS:-$each}
floor_s=${FLOOR_SECONDS:-$each}
sample=${SAMPLE:-5}
jobs=${JOBS:-1000}
concurrency=${CONCURRENCY:-8}
parts=${PARTS:-idle load}
out=bench/results/scheduler; mkdir -p "$out"
summary="$out/summary.md"; : >"$summary"
hz=$(getconf CLK_TCK)

work=$(mktemp -d /tmp/jaga-bench-scheduler.XXXXXX)
jaga_pid=""; cron_pid=""; crontab_file=""
cleanup() {
  for pid in $jaga_pid $cron_pid; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  [ -z "$crontab_file" ] || rm -f "$crontab_file"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$*" | tee -a "$summary"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }          # utime + stime: the process itself
child_ticks() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }        # cutime + cstime: its reaped children (cron's jobs)
stats() { # median and max of a file of numbers (kB) → "median_MB max_MB"
  sort -g "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f\n", m / 1024, v[NR] / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

say "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), .NET $(dotnet --version); started $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- idle
if [[ " $parts " == *" idle "* ]]; then
  dotnet build src/Jaga.Cli -c Release -nologo -v q >/dev/null
  jaga=$(realpath src/Jaga.Cli/bin/Release/net10.0/jaga)
  plan="$work/tokoku"; mkdir -p "$plan"; cp -a examples/tokoku/. "$plan/"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  sed -i "s/^listen: .*/listen: 127.0.0.1:$port/" "$plan/jaga.yaml"
  "$jaga" validate --plan "$plan/jaga.yaml" >/dev/null

  want_cron=${CRON:-1}
  if [ "$want_cron" = 1 ] && [ "$(id -u)" -ne 0 ]; then echo "not root: cron row skipped" >&2; want_cron=0; fi
  if [ "$want_cron" = 1 ]; then
    command -v cron >/dev/null || { apt-get install -y -q cron >/dev/null; }
    if pidof cron >/dev/null; then echo "a cron daemon already runs (pid $(pidof cron)); stop it or set CRON=0" >&2; exit 1; fi
    # The example plan's schedules as cron would carry them (interval checks of 30 s cannot be written in cron;
    # the minutely host check can). Commands are `true`: what matters here is the idle daemon.
    crontab_file=/etc/cron.d/jagabench
    cat >"$crontab_file" <<'CRON'
SHELL=/bin/sh
0 2 * * *   root true   # backup db
30 2 * * *  root true   # backup uploads
0 4 * * 0   root true   # verify db
0 3 * * 1   root true   # update
0 0 * * *   root true   # audit checkpoint
* * * * *   root true   # host check, every 1m
CRON
    chmod 644 "$crontab_file"
    cron -f >"$work/cron.log" 2>&1 &
    cron_pid=$!
  fi

  "$jaga" run --plan "$plan/jaga.yaml" >"$work/jaga.log" 2>&1 &
  jaga_pid=$!
  # Wait for the first runs: /metrics answers, at least one job has finished and none is still running.
  for _ in $(seq 1 240); do
    kill -0 "$jaga_pid" 2>/dev/null || { echo "jaga run exited:" >&2; cat "$work/jaga.log" >&2; exit 1; }
    if m=$(curl -sf "http://127.0.0.1:$port/metrics" 2>/dev/null) && grep -q '^jaga_job_last_finish_timestamp_seconds{' <<<"$m" &&
       ! grep -q '^jaga_job_last_result{.*result="running".*} 1' <<<"$m"; then break; fi
    sleep 0.5
  done
  sleep 10
  finished=$(curl -sf "http://127.0.0.1:$port/metrics" | grep -c '^jaga_job_last_finish_timestamp_seconds{' || true)
  echo "== idle: jaga run (pid $jaga_pid, $finished job(s) finished first runs) and cron -f (pid ${cron_pid:--}), ${idle_s}s, sampling every ${sample}s" >&2

  : >"$work/jaga.rss"; : >"$work/cron.rss"
  j0=$(cpu_ticks "$jaga_pid"); jk0=$(child_ticks "$jaga_pid")
  [ -z "$cron_pid" ] || { c0=$(cpu_ticks "$cron_pid"); ck0=$(child_ticks "$cron_pid"); }
  t0=$(date +%s.%N); load0=$(cut -d' ' -f1 /proc/loadavg)
  end=$(( $(date +%s) + idle_s ))
  while [ "$(date +%s)" -lt "$end" ]; do
    kill -0 "$jaga_pid" 2>/dev/null || { echo "jaga run exited during the idle run" >&2; tail -n 20 "$work/jaga.log" >&2; exit 1; }
    rss_kb "$jaga_pid" >>"$work/jaga.rss"
    [ -z "$cron_pid" ] || rss_kb "$cron_pid" >>"$work/cron.rss"
    sleep "$sample"
  done
  j1=$(cpu_ticks "$jaga_pid"); jk1=$(child_ticks "$jaga_pid")
  [ -z "$cron_pid" ] || { c1=$(cpu_ticks "$cron_pid"); ck1=$(child_ticks "$cron_pid"); }
  t1=$(date +%s.%N); load1=$(cut -d' ' -f1 /proc/loadavg)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  jcpu=$(awk -v d=$((j1 - j0)) -v hz="$hz" -v w="$wall" 'BEGIN { printf "%.3f", 100 * d / hz / w }')
  read -r jmed jmax < <(stats "$work/jaga.rss")
  say ""
  say "### Idle, ${idle_s} s ($(wc -l <"$work/jaga.rss") samples every ${sample} s; 1-min load ${load0} → ${load1})"
  say ""
  jkcpu=$(awk -v d=$((jk1 - jk0)) -v hz="$hz" -v w="$wall" 'BEGIN { printf "%.3f", 100 * d / hz / w }')
  say "| process | RSS median | RSS max | CPU (% of one core) | its children's CPU |"
  say "| --- | --- | --- | --- | --- |"
  say "| \`jaga run\` (examples/tokoku) | ${jmed} MB | ${jmax} MB | ${jcpu} % | ${jkcpu} % |"
  if [ -n "$cron_pid" ]; then
    ccpu=$(awk -v d=$((c1 - c0)) -v hz="$hz" -v w="$wall" 'BEGIN { printf "%.3f", 100 * d / hz / w }')
    read -r cmed cmax < <(stats "$work/cron.rss")
    ckcpu=$(awk -v d=$((ck1 - ck0)) -v hz="$hz" -v w="$wall" 'BEGIN { printf "%.3f", 100 * d / hz / w }')
    say "| \`cron -f\` (same schedules) | ${cmed} MB | ${cmax} MB | ${ccpu} % | ${ckcpu} % (every job in /etc/cron.d) |"
    say "| Jaga ÷ cron | $(ratio "$jmed" "$cmed")× | $(ratio "$jmax" "$cmax")× | $(ratio "$jcpu" "$ccpu")× | |"
  fi
  say ""
  say "CPU ticks (own + children): jaga $((j1 - j0)) + $((jk1 - jk0)), cron $([ -z "$cron_pid" ] && echo - || echo "$((c1 - c0)) + $((ck1 - ck0))") at ${hz} Hz over ${wall} s. Targets: RSS < 80 MB, CPU < 1 %."
  kill "$jaga_pid"; wait "$jaga_pid" 2>/dev/null || true; jaga_pid=""
  if [ -n "$cron_pid" ]; then kill "$cron_pid"; wait "$cron_pid" 2>/dev/null || true; cron_pid=""; rm -f "$crontab_file"; crontab_file=""; fi
fi

# ---------------------------------------------------------------- load
if [[ " $parts " == *" load "* ]]; then
  dotnet build bench/scheduler/SchedulerBench.csproj -c Release -nologo -v q >/dev/null
  bench="dotnet bench/scheduler/bin/Release/net10.0/SchedulerBench.dll"
  echo "== load: Jaga's Scheduler, $jobs jobs every 10 s, concurrency $concurrency, ${load_s}s" >&2
  la=$(cut -d' ' -f1 /proc/loadavg); jl=$($bench jaga "$load_s" "$jobs" 10 "$concurrency"); lb=$(cut -d' ' -f1 /proc/loadavg)
  echo "$jl load1=$la→$lb" | tee -a "$out/raw.txt" >&2
  echo "== load: Task.Delay floor, same jobs and limit, ${floor_s}s" >&2
  lc=$(cut -d' ' -f1 /proc/loadavg); tl=$($bench timer "$floor_s" "$jobs" 10 "$concurrency"); ld=$(cut -d' ' -f1 /proc/loadavg)
  echo "$tl load1=$lc→$ld" | tee -a "$out/raw.txt" >&2
  get() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
  say ""
  say "### Load: $jobs interval jobs every 10 s, trivial work, concurrency $concurrency (Jaga ${load_s} s, load $la → $lb; floor ${floor_s} s, load $lc → $ld)"
  say ""
  say "| scheduler | runs | lag p50 | lag p99 | lag max | CPU (% of one core) | peak RSS |"
  say "| --- | --- | --- | --- | --- | --- | --- |"
  for r in "Jaga Scheduler + SQLite state|$jl" "Task.Delay loop per job, no state (floor)|$tl"; do
    n=${r%%|*}; l=${r#*|}
    say "| $n | $(get "$l" runs) | $(get "$l" lag_p50_ms) ms | $(get "$l" lag_p99_ms) ms | $(get "$l" lag_max_ms) ms | $(get "$l" cpu_pct) % | $(get "$l" rss_peak_mb) MB |"
  done
  say ""
  say "Jaga ÷ floor: p99 $(ratio "$(get "$jl" lag_p99_ms)" "$(get "$tl" lag_p99_ms)")×, CPU $(ratio "$(get "$jl" cpu_pct)" "$(get "$tl" cpu_pct)")×. Target: p99 < 100 ms."
fi
echo
echo "summary in $summary:"
cat "$summary"
