#!/usr/bin/env bash
# Secrets scan throughput: `jaga secrets scan` over a generated tree of SIZE_MB MB (default 1024) of text files
# (FILES files, default 10,000; source-like lines with the words the generic rule looks for, and a few planted
# tokens made at run time), in MB/s, median of RUNS runs (default 3), the files in the page cache for every run.
# gitleaks is not in Debian's archive (`apt-cache policy gitleaks` finds nothing), so the comparison is GNU grep
# running the same token shapes as one extended regular expression (`grep -rEc`): a floor for reading and matching,
# without entropy, allowlists or masking. The tree is not a git repository, so both walk it.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${SIZE_MB:-1024}
files=${FILES:-10000}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/jaga-bench-secrets.XXXXXX)
trap 'rm -rf "$work"' EXIT

[ "${BUILD:-1}" = 1 ] && dotnet build src/Jaga.Cli -c Release -nologo -v q >/dev/null
jaga="dotnet ${JAGA_DLL:-src/Jaga.Cli/bin/Release/net10.0/jaga.dll}"

python3 bench/secrets/make-tree.py "$work/tree" "$size_mb" "$files"
cat > "$work/jaga.yaml" <<YAML
version: 1
project: bench
secrets: { max_file_size: 10MiB }
YAML
patterns='ghp_[0-9A-Za-z]{36}|gho_[0-9A-Za-z]{36}|github_pat_[0-9A-Za-z_]{82}|glpat-[0-9A-Za-z_-]{20}|(AKIA|ASIA)[A-Z2-7]{16}|xox[abposre]-[0-9A-Za-z-]{10,}|sk_live_[0-9A-Za-z]{10,}|AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36}|oy2[a-z0-9]{43}|AGE-SECRET-KEY-1[0-9A-Z]{58}|-----BEGIN[ A-Z0-9_-]*PRIVATE KEY-----|[A-Za-z][A-Za-z0-9+.-]*://[^ :/@]+:[^ :/@]{3,}@|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}|(password|secret|token|api_?key)[A-Za-z0-9_.-]{0,20}[ "'"'"']{0,3}[=:][ "'"'"']{0,5}[A-Za-z0-9_+/=.~!@#$%^&*-]{8,}'

mb=$(du -sm --apparent-size "$work/tree" | cut -f1)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Wall and CPU (user + system) seconds of one run; a scan that finds something exits 1, and its time still counts.
t() { { /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null || true; } | tail -n 1 | awk '{print $1, $2 + $3}'; }
cat -- $(find "$work/tree" -type f) > /dev/null  # into the page cache

echo "== $files files, ${mb} MB, $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
jaga_runs=$(for i in $(seq 1 "$runs"); do t $jaga --plan "$work/jaga.yaml" secrets scan "$work/tree"; done)
grep_runs=$(for i in $(seq 1 "$runs"); do LC_ALL=C t grep -rEc "$patterns" "$work/tree"; done)
echo "jaga runs (wall cpu): $(echo "$jaga_runs" | tr '\n' ';')  grep runs: $(echo "$grep_runs" | tr '\n' ';')"
jw=$(echo "$jaga_runs" | cut -d' ' -f1 | median); jc=$(echo "$jaga_runs" | cut -d' ' -f2 | median)
gw=$(echo "$grep_runs" | cut -d' ' -f1 | median); gc=$(echo "$grep_runs" | cut -d' ' -f2 | median)
awk -v mb="$mb" -v jw="$jw" -v jc="$jc" -v gw="$gw" -v gc="$gc" 'BEGIN {
  printf "jaga secrets scan: wall %.1f s (%.0f MB/s), CPU %.1f s (%.0f MB/s of CPU)\n", jw, mb / jw, jc, mb / jc
  printf "grep -rEc (same token shapes, LC_ALL=C): wall %.1f s (%.0f MB/s), CPU %.1f s (%.0f MB/s of CPU)\n", gw, mb / gw, gc, mb / gc
}'
