#!/usr/bin/env bash
# The dashboard under load, as the issue sets it: a state with 1,000,000 maintenance-log entries, 500 checks with 90 days of
# history (one result an hour) and 1,000 backups over 10 jobs, served by a real `jaga run` on a free loopback port (SQLite,
# the embedded default). Signs in through the form like a browser, then with wrk (Debian package, installed when missing):
#   1. one viewer for SINGLE (10 s) per page: p50/p95/p99 — the "p95 under 100 ms" figure;
#   2. CONNS (200) concurrent viewers for DURATION (60 s) per page: requests/s, p95, errors (any error or non-2xx fails).
# Usage: bash bench/dashboard/pages.sh   (ENTRIES, CHECKS, DAYS, BACKUPS, JOBS, CONNS, DURATION, SINGLE, PAGES to change)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${ENTRIES:-1000000}; checks=${CHECKS:-500}; days=${DAYS:-90}; backups=${BACKUPS:-1000}; jobs=${JOBS:-10}
conns=${CONNS:-200}; duration=${DURATION:-60s}; single=${SINGLE:-10s}
pages=${PAGES:-"/ /log /backups /monitoring /updates /emergency /checklist"}
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v wrk >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/jaga-bench-dash.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${BUILD:-1}" = 1 ]; then
  dotnet build src/Jaga.Cli -c Release -nologo -v q >/dev/null
  dotnet build bench/Jaga.Bench -c Release -nologo -v q >/dev/null
fi
jaga="dotnet $PWD/src/Jaga.Cli/bin/Release/net10.0/jaga.dll"
bench="dotnet $PWD/bench/Jaga.Bench/bin/Release/net10.0/Jaga.Bench.dll"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work/data" && echo hello > "$work/data/hello.txt"
{
  echo "version: 1"
  echo "project: bench"
  echo "timezone: Asia/Jakarta"
  echo "language: en"
  echo "state: .jaga/state.db"
  echo "listen: 127.0.0.1:$port"
  echo "log: { file: logs/maintenance.log }"
  echo "destinations:"
  echo "  local: { path: backup/ }"
  echo "backup:"
  for ((j = 0; j < jobs; j++)); do echo "  - { name: b$j, source: { files: [data/] }, schedule: \"0 2 * * *\", to: [local] }"; done
  echo "monitoring:"
  echo "  checks:"
  for ((c = 0; c < checks; c++)); do echo "    - { name: c$c, heartbeat: { every: 1h } }"; done
} > "$work/jaga.yaml"
mkdir -p "$work/.jaga"
$bench dashboard-seed "$work/.jaga/state.db" "$entries" "$checks" "$days" "$backups" "$jobs"
echo "bench password 1234" | (cd "$work" && $jaga user add bench --role viewer --password-stdin >/dev/null)

(cd "$work" && exec $jaga run) > "$work/run.out" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "$url/readyz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/run.out"; exit 1; }
  sleep 0.5
done

# Let the daemon settle first: at its start it runs every check once, the backups that are due and the check history's
# compaction (a million raw results here); a page measured meanwhile measures that work, not the page.
for _ in $(seq 1 60); do
  before=$(awk '{ print $14 + $15 }' /proc/$pid/stat); sleep 2; after=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
  [ $(( after - before )) -lt $(( $(getconf CLK_TCK) / 5 )) ] && break   # under 10 % of a core over 2 s
done

# Sign in as a browser does: the form's anti-forgery token and cookie, then the POST; the session cookie is what wrk sends.
jar="$work/cookies"
form=$(curl -fs -c "$jar" "$url/signin")
token=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Name=bench" --data-urlencode "Password=bench password 1234" \
  --data-urlencode "ReturnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$url/signin"
cookie=$(awk '$6 ~ /^jaga\./ { printf "%s=%s; ", $6, $7 }' "$jar")
[[ "$cookie" == *jaga.signin=* ]] || { echo "sign-in failed"; exit 1; }

for page in $pages; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url$page")
  if [ "$status" != 200 ]; then echo "$page: HTTP $status, skipped"; continue; fi
  one=$(wrk -t1 -c1 -d"$single" -s bench/dashboard/p95.lua -H "Cookie: $cookie" "$url$page" | tail -n 1)
  many=$(wrk -t2 -c"$conns" -d"$duration" --timeout 10s -s bench/dashboard/p95.lua -H "Cookie: $cookie" "$url$page" | tail -n 1)
  echo "$page one_viewer: $one"
  echo "$page ${conns}_viewers: $many"
done
echo "# load $(cut -d' ' -f1-3 /proc/loadavg); jaga run RSS $(( $(awk '/VmRSS/ { print $2 }' /proc/$pid/status) / 1024 )) MB"
