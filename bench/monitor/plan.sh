#!/usr/bin/env bash
# Writes the Jaga plan of bench/monitor.sh to stdout: CHECKS http checks of the loopback targets, every 10 s, timeout
# 5 s, expecting 200; state, log and listen address in the benchmark's temporary folder; no alert channels.
#   bash bench/monitor/plan.sh WORK_DIR TARGET_PORT LISTEN_PORT [CHECKS=1000]
# CONCURRENCY sets scheduler.concurrency when given (the plan's default otherwise).
set -euo pipefail
work=$1; target_port=$2; listen_port=$3; checks=${4:-1000}
cat <<YAML
version: 1
project: bench
state: $work/state.db
listen: 127.0.0.1:$listen_port
log: { file: $work/maintenance.log }
YAML
[ -z "${CONCURRENCY:-}" ] || echo "scheduler: { concurrency: $CONCURRENCY }"
echo "monitoring:"
echo "  checks:"
for i in $(seq 0 $((checks - 1))); do
  echo "    - { name: t$i, http: \"http://127.0.0.1:$target_port/t/$i\", every: 10s, timeout: 5s, expect: [\"[STATUS] == 200\"] }"
done
