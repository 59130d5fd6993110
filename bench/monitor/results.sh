#!/usr/bin/env bash
# What `jaga run` stored in its SQLite state for the occurrences of a window, and the start lag of each result: its
# at_ms (table check_results: when the probe started) minus its occurrence (table job_runs: the scheduler's claim of
# check:NAME for that occurrence). Checks are spread over their period by a phase from their name, so the occurrence is
# read from the claim rather than computed.
#   bash bench/monitor/results.sh STATE_DB FROM_MS TO_MS [PERIOD_S=10] [CHECKS=1000]
# Prints key=value: occurrences (whole periods in the window), expected, stored, down, slow (> 900 ms), lag_p50_ms,
# lag_p99_ms, lag_max_ms, duration_p50_ms.
set -euo pipefail
db=$1; from=$2; to=$3; period=$(( ${4:-10} * 1000 )); checks=${5:-1000}
occurrences=$(( (to - from) / period ))
last=$(( from + occurrences * period ))               # occurrences in [FROM, LAST) are in the window
sqlite3 -readonly -separator ' ' "$db" \
  "SELECT r.at_ms - o.occurrence_ms, r.outcome, r.duration_ms FROM check_results r
   JOIN (SELECT substr(job, 7) AS check_name, occurrence_ms FROM job_runs
         WHERE job LIKE 'check:t%' AND occurrence_ms >= $from AND occurrence_ms < $last) o
     ON o.check_name = r.check_name AND r.at_ms >= o.occurrence_ms AND r.at_ms < o.occurrence_ms + $period
   WHERE r.at_ms >= $from AND r.check_name LIKE 't%'" |
  sort -g | awk -v occ="$occurrences" -v checks="$checks" '
    { lag[NR] = $1; if ($2 == "down") down++; if ($3 > 900) slow++; d[NR] = $3 }
    function q(p) { i = int(p * NR + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; return lag[i] }
    END {
      n = asort(d)
      printf "occurrences=%d expected=%d stored=%d down=%d slow=%d lag_p50_ms=%s lag_p99_ms=%s lag_max_ms=%s duration_p50_ms=%.1f\n",
        occ, occ * checks, NR, down, slow, NR ? q(0.5) : "-", NR ? q(0.99) : "-", NR ? lag[NR] : "-", n ? d[int((n + 1) / 2)] : 0
    }'
