#!/usr/bin/env bash
# The Debian package both ways: self-contained (what packaging/deb/build.sh ships) and framework-dependent (needs
# Microsoft's aspnetcore-runtime-10.0), both ReadyToRun. For each: the .deb's size (xz, dpkg-deb's default), its
# Installed-Size, and the start-to-exit time of the packaged binary (extracted with dpkg-deb -x, not installed) for
# `jaga --version`, `jaga validate` on examples/tokoku and on the package's starter plan: median of RUNS, wall and CPU
# (user + system; on a busy machine the CPU time is the steadier figure).
#
#   RUNS=21 bash bench/deb.sh
#
# PUBLISHED_SC=DIR / PUBLISHED_FD=DIR package earlier publishes (as JAGA_DEB_PUBLISHED of build.sh) instead of
# publishing again.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-21}
out=bench/results/deb; rm -rf "$out"; mkdir -p "$out"

median() { sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.1f", $1 }'; }
# Wall and CPU milliseconds of each run, one "wall cpu" line per run.
times_ms() {
  local TIMEFORMAT='%R %U %S'
  for _ in $(seq 1 "$runs"); do
    { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 }'
  done
}
row() {
  local label=$1; shift
  local t; t=$(times_ms "$@")
  printf '%-52s %10s %10s\n' "$label" "$(cut -d' ' -f1 <<<"$t" | median)" "$(cut -d' ' -f2 <<<"$t" | median)"
}

declare -A published=([self-contained]=${PUBLISHED_SC:-} [framework-dependent]=${PUBLISHED_FD:-})
for mode in self-contained framework-dependent; do
  deb=$(JAGA_DEB_MODE=$mode JAGA_DEB_PUBLISHED=${published[$mode]} bash packaging/deb/build.sh "$out/$mode" 2>/dev/null | tail -n 1)
  dpkg-deb -x "$deb" "$out/$mode/root"
  printf '%s: %s, %s bytes, Installed-Size %s KiB\n' "$mode" "$(basename "$deb")" "$(stat -c %s "$deb")" "$(dpkg-deb -f "$deb" Installed-Size)"
done

printf '\n%-52s %10s %10s\n' "command" "wall ms" "CPU ms"
for mode in self-contained framework-dependent; do
  jaga="$out/$mode/root/usr/lib/jaga/jaga"
  row "jaga --version ($mode)" "$jaga" --version
  row "jaga validate examples/tokoku ($mode)" "$jaga" validate --plan examples/tokoku/jaga.yaml
  row "jaga validate /etc/jaga/jaga.yaml ($mode)" "$jaga" validate --plan "$out/$mode/root/etc/jaga/jaga.yaml"
done
