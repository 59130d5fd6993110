#!/usr/bin/env bash
# Log retention over FILES files totalling SIZE_MB MB (default 10,000 files / 10 GB): time to plan
# (`jaga logs prune --dry-run`) and to apply (`jaga logs prune`), against logrotate on the equivalent
# configuration (`logrotate -d` to plan, `logrotate -f`-less real run to apply). The files are sparse
# (`truncate -s`): sizes are real to stat(), no data is read or written by either tool since neither
# compresses here (nocompress / compress: none), so the figures are the bookkeeping: listing, deciding,
# renaming, creating the new files, and for Jaga one maintenance-log line + one audit entry per action,
# each flushed to disk. Median of RUNS runs; every apply run starts from a fresh set of files.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${FILES:-10000}
size_mb=${SIZE_MB:-10240}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/jaga-bench-logs.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v logrotate >/dev/null || { apt-get install -y logrotate >/dev/null; }
logrotate=$(command -v logrotate || echo /usr/sbin/logrotate)

dotnet build src/Jaga.Cli -c Release -nologo -v q >/dev/null
jaga="dotnet src/Jaga.Cli/bin/Release/net10.0/jaga.dll"

per=$(( size_mb * 1024 / files ))   # KiB per file
make_files() {
  rm -rf "$work/logs" "$work/.jaga" "$work/journal" "$work/lr.state"
  mkdir -p "$work/logs"
  ( cd "$work/logs" && for i in $(seq 1 "$files"); do truncate -s "${per}K" "app-$i.log"; done )
}
cat > "$work/jaga.yaml" <<YAML
version: 1
project: bench
log: { file: journal/maintenance.log }
monitoring:
  logs:
    - { path: logs/*.log, max_size: $(( per / 2 ))KiB, count: 3, missing_ok: true }
YAML
cat > "$work/logrotate.conf" <<CONF
$work/logs/*.log {
    size $(( per / 2 ))k
    rotate 3
    missingok
    nocompress
    create
    dateext
    dateformat .%Y-%m-%dT%H%M%S
}
CONF

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
t() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; }

echo "== $files files, $(( size_mb ))MB apparent ($per KiB each, sparse), $runs runs, $(nproc) cores"
make_files
du -sh --apparent-size "$work/logs"
plan_jaga=$(for i in $(seq 1 "$runs"); do t $jaga --plan "$work/jaga.yaml" logs prune --dry-run; done | median)
plan_lr=$(for i in $(seq 1 "$runs"); do t "$logrotate" -d -s "$work/lr.state" "$work/logrotate.conf"; done | median)
apply_jaga=$(for i in $(seq 1 "$runs"); do make_files; t $jaga --plan "$work/jaga.yaml" logs prune; done | median)
ls "$work/logs" | wc -l | sed 's/^/files after jaga apply: /'
apply_lr=$(for i in $(seq 1 "$runs"); do make_files; t "$logrotate" -s "$work/lr.state" "$work/logrotate.conf"; done | median)
ls "$work/logs" | wc -l | sed 's/^/files after logrotate apply: /'
echo "plan  (dry run): jaga ${plan_jaga}s  logrotate -d ${plan_lr}s"
echo "apply          : jaga ${apply_jaga}s  logrotate ${apply_lr}s"
