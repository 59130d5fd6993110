#!/usr/bin/env bash
# What `jaga run` stored in its SQLite state (table check_results: check_name, at_ms = when the probe started, outcome,
# duration_ms) for the occurrences of a window, and the start lag of each result: at_ms minus its occurrence (interval
# checks fall due at multiples of PERIOD from the epoch; exact while every lag stays below PERIOD, which the lag max
# printed here and the scheduler's own max on /metrics show).
#   bash bench/monitor/results.sh STATE_DB FROM_MS TO_MS [PERIOD_S=10] [CHECKS=1000]
# Prints key=value: occurrences (whole periods in the window), expected, stored, down, slow (> 900 ms), lag_p50_ms,
# lag_p99_ms, lag_max_ms, duration_p50_ms.
set -euo pipefail
db=$1; from=$2; to=$3; period=$(( ${4:-10} * 1000 )); checks=${5:-1000}
first=$(( (from + period - 1) / period * period ))   # the first occurrence at or after FROM
last=$(( to / period * period ))                      # occurrences before this one are in the window
occurrences=$(( (last - first) / period ))
sqlite3 -readonly -separator ' ' "$db" \
  "SELECT at_ms - (at_ms / $period) * $period, outcome, duration_ms FROM check_results
   WHERE (at_ms / $period) * $period >= $first AND (at_ms / $period) * $period < $last AND check_name LIKE 't%'" |
  sort -g | awk -v occ="$occurrences" -v checks="$checks" '
    { lag[NR] = $1; if ($2 == "down") down++; if ($3 > 900) slow++; d[NR] = $3 }
    function q(p) { i = int(p * NR + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; return lag[i] }
    END {
      n = asort(d)
      printf "occurrences=%d expected=%d stored=%d down=%d slow=%d lag_p50_ms=%s lag_p99_ms=%s lag_max_ms=%s duration_p50_ms=%.1f\n",
        occ, occ * checks, NR, down, slow, NR ? q(0.5) : "-", NR ? q(0.99) : "-", NR ? lag[NR] : "-", n ? d[int((n + 1) / 2)] : 0
    }'
