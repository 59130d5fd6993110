#!/usr/bin/env bash
# Advisory import (Step 8): `jaga deps db update --from all.zip` on a generated OSV dump of SIZE_MB MB (default 200)
# of realistic shape (bench/deps/osv_generate.py: GitHub-reviewed npm advisories as OSV exports them, ~3.5 KB of JSON
# each, markdown details, references, CVSS vectors, SEMVER ranges), then matching 10,000 packages against the result
# as an audit does (one lookup for all names, OSV's evaluation and the fixed version per advisory found:
# `Jaga.Bench osv-match`). Each import starts from no database; wall time and peak RSS from /usr/bin/time -v; median of
# RUNS runs. Targets (issue 14): import under 60 s, match under 1 s, memory under 300 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${SIZE_MB:-200}
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d /tmp/jaga-bench-osv.XXXXXX)}
keep=${KEEP:-0}
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

if [ "${BUILD:-1}" = 1 ]; then
  dotnet build src/Jaga.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
  dotnet build bench/Jaga.Bench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
fi
jaga=${JAGA:-"dotnet src/Jaga.Cli/bin/Release/net10.0/jaga.dll"}
bench=${BENCH:-"dotnet bench/Jaga.Bench/bin/Release/net10.0/Jaga.Bench.dll"}

if [ ! -f "$work/npm-all.zip" ]; then
  echo "generating a ${size_mb} MB dump in $work …" >&2
  python3 bench/deps/osv_generate.py "$work/npm-all.zip" "$size_mb" "$work/names.tsv" >&2
fi
cat > "$work/jaga.yaml" <<YAML
version: 1
project: bench
log: { file: journal/maintenance.log }
YAML

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
times=(); rss=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/.jaga" "$work/journal"
  /usr/bin/time -v $jaga --plan "$work/jaga.yaml" deps db update --from "$work/npm-all.zip" >"$work/out.$i" 2>"$work/time.$i"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.$i" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.$i")
  times+=("$wall"); rss+=("$kb")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.$i")
  echo "run $i: import ${wall} s wall, ${cpu} s CPU (user+sys), peak RSS $((kb / 1024)) MB — $(tail -1 "$work/out.$i")"
done
echo "import median: $(printf '%s\n' "${times[@]}" | median) s; peak RSS median: $(( $(printf '%s\n' "${rss[@]}" | median) / 1024 )) MB"
echo "database: $(du -m "$work/.jaga/advisories.db" | cut -f1) MB"
# Two lists of 10,000 packages: "dense", every one named by advisories of the dump (about 4 each: far more than a real
# project meets), and "mixed", 500 of those and 9,500 packages no advisory names (a project's usual share).
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
rng = random.Random(8)
lines = open(f"{work}/names.tsv").read().splitlines()
fresh = [f"npm\tdep-{i}\t{rng.randrange(12)}.{rng.randrange(30)}.{rng.randrange(40)}" for i in range(9500)]
open(f"{work}/names-mixed.tsv", "w").write("\n".join(rng.sample(lines, 500) + fresh) + "\n")
PY
echo "matching 10,000 packages, dense (3 rounds in one process; round 1 includes JIT):"
$bench osv-match "$work/.jaga/advisories.db" "$work/names.tsv"
echo "matching 10,000 packages, mixed:"
$bench osv-match "$work/.jaga/advisories.db" "$work/names-mixed.tsv"
