#!/usr/bin/env bash
# Start-to-exit time of `jaga --version` and `jaga validate` on the example plan, median of N runs,
# for the ReadyToRun build (what docs/deploy recommends for servers) and the plain JIT build,
# beside `pg_dump --version` (a native tool users already run from cron) for scale.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-21}
out=bench/results/startup; mkdir -p "$out"
dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q >/dev/null
dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o "$out/jit" -nologo -v q >/dev/null
plan=examples/tokoku/jaga.yaml

median_ms() {
  local times=()
  for _ in $(seq 1 "$runs"); do
    local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}

printf '%-40s %10s\n' "command" "median ms"
printf '%-40s %10s\n' "pg_dump --version" "$(median_ms pg_dump --version)"
for build in r2r jit; do
  printf '%-40s %10s\n' "jaga --version ($build)" "$(median_ms "$out/$build/jaga" --version)"
  printf '%-40s %10s\n' "jaga validate example ($build)" "$(median_ms "$out/$build/jaga" validate --plan "$plan")"
done
