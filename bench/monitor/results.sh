#!/usr/bin/env bash
# What `jaga run` stored in its SQLite state for the occurrences of a window, and the start lag of each result: its
# at_ms (table check_results: when the probe started) minus its occurrence. Checks are spread over their period by a
# phase taken from their name (IntervalSchedule.PhaseOf: FNV-1a of the name, modulo the period in ms), so a check's
# occurrences are phase + k × period, and the lag of a result is (at_ms − phase) mod period — exact while lags stay
# under a period (a late run whose next occurrence had come is skipped, and shows as a missing result).
#   bash bench/monitor/results.sh STATE_DB FROM_MS TO_MS [PERIOD_S=10] [CHECKS=1000]
# Prints key=value: occurrences (whole periods in the window), expected, stored, down, slow (> 900 ms), lag_p50_ms,
# lag_p99_ms, lag_max_ms, duration_p50_ms.
set -euo pipefail
db=$1; from=$2; to=$3; period=$(( ${4:-10} * 1000 )); checks=${5:-1000}
sqlite3 -readonly -separator ' ' "$db" \
  "SELECT check_name, at_ms, outcome, duration_ms FROM check_results WHERE at_ms >= $from AND check_name LIKE 't%'" |
  python3 -c '
import sys
start, end, period, checks = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
occurrences = (end - start) // period
def phase(name):
    h = 2166136261
    for c in name:
        h = ((h ^ ord(c)) * 16777619) & 0xFFFFFFFF
    return h % period
lags, durations, down, slow = [], [], 0, 0
for line in sys.stdin:
    name, at, outcome, duration = line.split()
    at, duration = int(at), float(duration)
    lag = (at - phase(name)) % period
    occurrence = at - lag
    # the occurrences of the window: the first at or after its start, then every period for whole periods
    first = start + (phase(name) - start) % period
    if not (first <= occurrence < first + occurrences * period):
        continue
    lags.append(lag); durations.append(duration)
    down += outcome == "down"; slow += duration > 900
lags.sort(); durations.sort()
def q(p):
    i = min(max(int(p * len(lags) + 0.5), 1), len(lags))
    return lags[i - 1]
n = len(lags)
print(f"occurrences={occurrences} expected={occurrences * checks} stored={n} down={down} slow={slow} "
      f"lag_p50_ms={q(0.5) if n else chr(45)} lag_p99_ms={q(0.99) if n else chr(45)} lag_max_ms={lags[-1] if n else chr(45)} "
      f"duration_p50_ms={durations[(n - 1) // 2] if n else 0:.1f}")
' "$from" "$to" "$period" "$checks"
