#!/usr/bin/env bash
# Monitoring under load: 1,000 HTTP checks every 10 s against a loopback server (bench/monitor/Target: /t/0 … /t/999,
# 10 % answer 500, 5 % answer after 1–3 s, the rest 200 at once), two ways, never at the same time:
#  jaga     — `jaga run` with a plan of 1,000 `http:` checks (every 10s, timeout 5s, expect [STATUS] == 200, no alert
#             channels; bench/monitor/plan.sh). Results stored and their start lag p50/p99 from the state store
#             (bench/monitor/results.sh), the scheduler's own run count and mean lag from /metrics (the window's
#             difference), CPU (utime+stime from /proc) and RSS (VmRSS sampled every SAMPLE s).
#  blackbox — Debian's prometheus-blackbox-exporter (module http_2xx, timeout 5s, bench/monitor/blackbox.yml) driven by
#             Debian's prometheus (one scrape job of the 1,000 targets, scrape_interval 10s, scrape_timeout 5s;
#             bench/monitor/prometheus.sh), CPU and RSS of each, probes stored (from Prometheus' query API).
# The target server runs through both parts (on the same 2 cores: it cannot be pinned away); its CPU is given too.
#
#   bash bench/monitor.sh                               # 10 minutes each: blackbox, then jaga
#   SECONDS_EACH=120 bash bench/monitor.sh              # a quick run; JAGA_SECONDS / BLACKBOX_SECONDS each
#   PARTS=blackbox CHECKS=1000 WARMUP=20 SAMPLE=5 bash bench/monitor.sh
# CONCURRENCY sets the plan's scheduler.concurrency (its default otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
each=${SECONDS_EACH:-600}
jaga_s=${JAGA_SECONDS:-$each}
blackbox_s=${BLACKBOX_SECONDS:-$each}
sample=${SAMPLE:-5}
warmup=${WARMUP:-20}
checks=${CHECKS:-1000}
parts=${PARTS:-blackbox jaga}
out=bench/results/monitor; mkdir -p "$out"
summary="$out/summary.md"; : >"$summary"
hz=$(getconf CLK_TCK)

work=$(mktemp -d /tmp/jaga-bench-monitor.XXXXXX)
target_pid=""; jaga_pid=""; bb_pid=""; prom_pid=""
stop() { # stop one process of ours by its id and reap it
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
cleanup() {
  for pid in $jaga_pid $prom_pid $bb_pid $target_pid; do stop "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$*" | tee -a "$summary"; }
log() { echo "$*" | tee -a "$out/raw.txt" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }          # utime + stime of the process itself
stats() { # median and max of a file of numbers (kB) → "median_MB max_MB"
  sort -g "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f\n", m / 1024, v[NR] / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }
pct() { awk -v d="$1" -v hz="$hz" -v w="$2" 'BEGIN { printf "%.2f", 100 * d / hz / w }'; }  # ticks over wall s → % of one core
now() { date +%s.%N; }
ms() { awk -v t="$1" 'BEGIN { printf "%d", t * 1000 }'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
target_total() { curl -sf "http://127.0.0.1:$target_port/stats" | sed -n 's/.*total=\([0-9]*\).*/\1/p'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# sample PIDS… for SECONDS: VmRSS of each every $sample s into $work/rss.PID; dies if one exits.
sample_rss() {
  local secs=$1; shift
  local end=$(( $(date +%s) + secs )) pid
  for pid in "$@"; do : >"$work/rss.$pid"; done
  while [ "$(date +%s)" -lt "$end" ]; do
    for pid in "$@"; do
      kill -0 "$pid" 2>/dev/null || { echo "process $pid exited during the window" >&2; exit 1; }
      rss_kb "$pid" >>"$work/rss.$pid"
    done
    sleep "$sample"
  done
}

say "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), .NET $(dotnet --version); started $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- the targets
dotnet build bench/monitor/Target/MonitorTarget.csproj -c Release -nologo -v q >/dev/null
target_port=$(free_port)
dotnet bench/monitor/Target/bin/Release/net10.0/MonitorTarget.dll "$target_port" "$checks" >"$work/target.log" 2>&1 &
target_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$target_port/stats" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$target_port/stats" >/dev/null || { echo "the target server did not start:" >&2; cat "$work/target.log" >&2; exit 1; }
expected_per_window() { echo $(( checks * $1 / 10 )); }

# ---------------------------------------------------------------- blackbox_exporter + prometheus
if [[ " $parts " == *" blackbox "* ]]; then
  bbx=$(command -v prometheus-blackbox-exporter || true)
  [ -n "$bbx" ] || { echo "prometheus-blackbox-exporter is not installed: apt-get install -y prometheus-blackbox-exporter" >&2; exit 1; }
  command -v prometheus >/dev/null || { echo "prometheus is not installed: apt-get install -y prometheus" >&2; exit 1; }
  bb_port=$(free_port); prom_port=$(free_port)
  bash bench/monitor/prometheus.sh "$target_port" "$bb_port" "$checks" >"$work/prometheus.yml"
  "$bbx" --config.file=bench/monitor/blackbox.yml --web.listen-address="127.0.0.1:$bb_port" >"$work/blackbox.log" 2>&1 &
  bb_pid=$!
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 &
  prom_pid=$!
  query() { curl -sf "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1" | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)'; }
  # Ready when every target has been probed once.
  probed=0
  for _ in $(seq 1 120); do
    kill -0 "$bb_pid" 2>/dev/null || { echo "blackbox_exporter exited:" >&2; cat "$work/blackbox.log" >&2; exit 1; }
    kill -0 "$prom_pid" 2>/dev/null || { echo "prometheus exited:" >&2; tail -n 20 "$work/prometheus.log" >&2; exit 1; }
    probed=$(query 'count(probe_success)' 2>/dev/null || echo 0)
    [ "$probed" = "$checks" ] && break
    sleep 1
  done
  [ "$probed" = "$checks" ] || { echo "prometheus probed $probed of $checks targets after 120 s" >&2; exit 1; }
  sleep "$warmup"
  log "== blackbox: blackbox_exporter (pid $bb_pid) + prometheus (pid $prom_pid), $checks targets every 10 s, ${blackbox_s}s, sampling every ${sample}s"
  b0=$(cpu_ticks "$bb_pid"); p0=$(cpu_ticks "$prom_pid"); g0=$(cpu_ticks "$target_pid"); r0=$(target_total)
  t0=$(now); la=$(load1)
  sample_rss "$blackbox_s" "$bb_pid" "$prom_pid"
  b1=$(cpu_ticks "$bb_pid"); p1=$(cpu_ticks "$prom_pid"); g1=$(cpu_ticks "$target_pid"); r1=$(target_total)
  t1=$(now); lb=$(load1)
  wall=$(elapsed "$t0" "$t1")
  win=$(awk -v w="$wall" 'BEGIN { printf "%d", w }')
  stored=$(query "sum(count_over_time(probe_success[${win}s]))")
  passing=$(query 'sum(probe_success)')
  probed=$(query 'count(probe_success)')
  slow_ok=$(query 'count(probe_duration_seconds > 0.9 and probe_success == 1)')
  # Prometheus' own measure of its schedule: the actual intervals between scrapes of a target (a summary).
  curl -sf "http://127.0.0.1:$prom_port/metrics" | grep '^prometheus_target_interval_length_seconds{interval="10s"' >"$work/interval.txt" || true
  iv() { awk -v q="$1" -F'[ ]' 'index($0, "quantile=\"" q "\"") { printf "%.1f", ($2 - 10) * 1000 }' "$work/interval.txt"; }
  read -r bmed bmax < <(stats "$work/rss.$bb_pid")
  read -r pmed pmax < <(stats "$work/rss.$prom_pid")
  paste "$work/rss.$bb_pid" "$work/rss.$prom_pid" | awk '{ print $1 + $2 }' >"$work/rss.both"
  read -r smed smax < <(stats "$work/rss.both")
  bcpu=$(pct $((b1 - b0)) "$wall"); pcpu=$(pct $((p1 - p0)) "$wall"); scpu=$(pct $((b1 - b0 + p1 - p0)) "$wall")
  log "blackbox wall=${wall} bb_ticks=$((b1 - b0)) prom_ticks=$((p1 - p0)) target_ticks=$((g1 - g0)) requests=$((r1 - r0)) stored=$stored probed=$probed passing=$passing slow_ok=$slow_ok load1=$la→$lb"
  log "$(cat "$work/interval.txt")"
  say ""
  say "### blackbox_exporter + Prometheus, ${blackbox_s} s ($(wc -l <"$work/rss.$bb_pid") samples every ${sample} s; 1-minute load ${la} → ${lb})"
  say ""
  say "| process | RSS median | RSS max | CPU (% of one core) |"
  say "| --- | --- | --- | --- |"
  say "| \`prometheus-blackbox-exporter\` | ${bmed} MB | ${bmax} MB | ${bcpu} % |"
  say "| \`prometheus\` (scrapes and stores the probes) | ${pmed} MB | ${pmax} MB | ${pcpu} % |"
  say "| both | ${smed} MB | ${smax} MB | ${scpu} % |"
  say ""
  say "Targets probed: ${probed} of ${checks}, passing ${passing} (expected $((checks - checks / 10))); probe results stored in the window: ${stored} (expected $(expected_per_window "$win")); requests the target server answered: $((r1 - r0)); its CPU $(pct $((g1 - g0)) "$wall") %."
  say "Scrape interval deviation from 10 s (prometheus_target_interval_length_seconds): p50 $(iv 0.5) ms, p99 $(iv 0.99) ms, p1 $(iv 0.01) ms."
  stop "$prom_pid"; prom_pid=""; stop "$bb_pid"; bb_pid=""
  echo "$bmed $bmax $bcpu $smed $smax $scpu $(date -u +%FT%TZ)" >"$out/blackbox.figures"   # for a later PARTS=jaga run
fi

# ---------------------------------------------------------------- jaga run
if [[ " $parts " == *" jaga "* ]]; then
  dotnet build src/Jaga.Cli -c Release -nologo -v q >/dev/null
  jaga=$(realpath src/Jaga.Cli/bin/Release/net10.0/jaga)
  port=$(free_port)
  bash bench/monitor/plan.sh "$work" "$target_port" "$port" "$checks" >"$work/jaga.yaml"
  "$jaga" validate --plan "$work/jaga.yaml" >/dev/null
  "$jaga" run --plan "$work/jaga.yaml" >"$work/jaga.log" 2>&1 &
  jaga_pid=$!
  metrics() { curl -sf "http://127.0.0.1:$port/metrics"; }
  metric() { awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $2 } END { printf "%.6f\n", s }' "$2"; }
  # Ready when every check has run once (the scheduler's on-time runs reach the number of checks).
  runs=0
  for _ in $(seq 1 120); do
    kill -0 "$jaga_pid" 2>/dev/null || { echo "jaga run exited:" >&2; tail -n 20 "$work/jaga.log" >&2; exit 1; }
    if metrics >"$work/m.txt" 2>/dev/null; then runs=$(metric jaga_scheduler_runs_total "$work/m.txt"); fi
    awk -v r="$runs" -v c="$checks" 'BEGIN { exit !(r >= c) }' && break
    sleep 1
  done
  awk -v r="$runs" -v c="$checks" 'BEGIN { exit !(r >= c) }' || { echo "jaga run started $runs runs in 120 s, fewer than $checks checks" >&2; tail -n 20 "$work/jaga.log" >&2; exit 1; }
  sleep "$warmup"
  log "== jaga: jaga run (pid $jaga_pid), $checks checks every 10 s, ${jaga_s}s, sampling every ${sample}s"
  metrics >"$work/m0.txt"; j0=$(cpu_ticks "$jaga_pid"); g0=$(cpu_ticks "$target_pid"); r0=$(target_total)
  t0=$(now); la=$(load1)
  sample_rss "$jaga_s" "$jaga_pid"
  metrics >"$work/m1.txt"; j1=$(cpu_ticks "$jaga_pid"); g1=$(cpu_ticks "$target_pid"); r1=$(target_total)
  t1=$(now); lb=$(load1)
  wall=$(elapsed "$t0" "$t1")
  # The scheduler's own figures over the window (/metrics: on-time runs and the sum of their lags; the max since start).
  n=$(awk -v a="$(metric jaga_scheduler_runs_total "$work/m0.txt")" -v b="$(metric jaga_scheduler_runs_total "$work/m1.txt")" 'BEGIN { printf "%d", b - a }')
  mean=$(awk -v a="$(metric jaga_scheduler_lag_seconds_sum "$work/m0.txt")" -v b="$(metric jaga_scheduler_lag_seconds_sum "$work/m1.txt")" -v n="$n" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n * 1000; else print "-" }')
  lmax=$(awk -v v="$(metric jaga_scheduler_lag_max_seconds "$work/m1.txt")" 'BEGIN { printf "%.1f", v * 1000 }')
  # Every result of the window's occurrences, from the state store once the last of them had time to finish and be written.
  sleep 15
  kill -0 "$jaga_pid" 2>/dev/null || { echo "jaga run exited after the window" >&2; tail -n 20 "$work/jaga.log" >&2; exit 1; }
  res=$(bash bench/monitor/results.sh "$work/state.db" "$(ms "$t0")" "$(ms "$t1")" 10 "$checks")
  get() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$res"; }
  p50=$(get lag_p50_ms); p99=$(get lag_p99_ms)
  # A lag of a whole period or more cannot be told from the stored start times alone (the next occurrence had come, and
  # with catch-up `skip` that check's next occurrence is skipped): when results are missing or a lag comes near the
  # period, the percentiles are lower bounds, and the scheduler's own mean is the figure to read.
  if [ "$(get stored)" -lt "$(get expected)" ] || [ "$(get lag_max_ms)" -ge 9000 ]; then p50="≥ $p50"; p99="≥ $p99"; fi
  read -r jmed jmax < <(stats "$work/rss.$jaga_pid")
  jcpu=$(pct $((j1 - j0)) "$wall")
  log "jaga wall=${wall} ticks=$((j1 - j0)) target_ticks=$((g1 - g0)) requests=$((r1 - r0)) scheduler_runs=$n scheduler_lag_mean_ms=$mean scheduler_lag_max_since_start_ms=$lmax $res load1=$la→$lb"
  say ""
  say "### \`jaga run\`, ${jaga_s} s ($(wc -l <"$work/rss.$jaga_pid") samples every ${sample} s; 1-minute load ${la} → ${lb}${CONCURRENCY:+; scheduler.concurrency $CONCURRENCY})"
  say ""
  say "| process | results stored | lag p50 | lag p99 | lag max | RSS median | RSS max | CPU (% of one core) |"
  say "| --- | --- | --- | --- | --- | --- | --- | --- |"
  say "| \`jaga run\` ($checks http checks) | $(get stored) of $(get expected) | ${p50} ms | ${p99} ms | $(get lag_max_ms) ms | ${jmed} MB | ${jmax} MB | ${jcpu} % |"
  if [ -f "$out/blackbox.figures" ]; then
    read -r bmed bmax bcpu smed smax scpu bwhen <"$out/blackbox.figures"
    [[ " $parts " == *" blackbox "* ]] || say "| *blackbox side measured $bwhen* | | | | | ${bmed} MB (${smed} MB with Prometheus) | | ${bcpu} % (${scpu} %) |"
    say "| Jaga ÷ blackbox_exporter | | | | | $(ratio "$jmed" "$bmed")× | $(ratio "$jmax" "$bmax")× | $(ratio "$jcpu" "$bcpu")× |"
    say "| Jaga ÷ blackbox_exporter + Prometheus | | | | | $(ratio "$jmed" "$smed")× | $(ratio "$jmax" "$smax")× | $(ratio "$jcpu" "$scpu")× |"
  fi
  say ""
  say "Results of the window's $(get occurrences) occurrences: $(get stored) stored of $(get expected), $(get down) down ($(( $(get stored) / 10 )) expected: 10 %), $(get slow) slower than 0.9 s; median probe $(get duration_p50_ms) ms. The scheduler's own count: $n on-time runs, mean lag ${mean} ms in the window, largest since start (first runs included) ${lmax} ms. Requests the target server answered: $((r1 - r0)); its CPU $(pct $((g1 - g0)) "$wall") %. Targets: p99 < 200 ms, CPU < 10 %, RSS < 200 MB."
  stop "$jaga_pid"; jaga_pid=""
fi
echo
echo "summary in $summary:"
cat "$summary"
