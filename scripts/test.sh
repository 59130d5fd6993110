#!/usr/bin/env bash
# The test command (README, .ci/run): installs what a fresh Debian machine lacks, builds, runs every test
# project (integration tests start their own servers on 127.0.0.1), and ends with "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
have_pg() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_pg || missing+=(postgresql)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
command -v age >/dev/null 2>&1 || missing+=(age)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The docs' examples run in tests (tests/Jaga.Testing/Docs/DocRuns.cs): docs/emergency.md's restore-db counts rows with sqlite3.
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
# The update tests run real npm projects (node test.js; npm refreshes package-lock.json) and a real Verdaccio
# (tests/Jaga.Testing/VerdaccioServer.cs), installed and driven by npm.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The secrets scan's tests make real repositories with the git CLI, which the scan itself runs (tests/Jaga.Secrets.Tests).
command -v git >/dev/null 2>&1 || missing+=(git)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
# The shipped systemd unit (deploy/jaga.service) is checked with systemd-analyze verify.
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
# The S3 destination tests run against a real OpenStack Swift with its S3 API (tests/Jaga.Testing/SwiftServer.cs).
command -v swift-proxy-server >/dev/null 2>&1 || missing+=(swift swift-proxy swift-account swift-container swift-object)
# The daemon's /metrics is scraped by a real Prometheus (tests/Jaga.Testing/PrometheusServer.cs).
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
# The mysql check is tested against a real MariaDB (tests/Jaga.Testing/MariaDbServer.cs), the command check with
# Debian's Nagios plugins.
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
[ -x /usr/lib/nagios/plugins/check_dummy ] || missing+=(monitoring-plugins-basic)
# The dns check is tested against a real dnsmasq on a loopback port (tests/Jaga.Testing/DnsmasqServer.cs); the -base
# package is the binary alone, without a system service.
[ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
# The starttls check's IMAP side is tested against a real dovecot started on a loopback port (DovecotServer.cs); the
# policy-rc.d below keeps the package from starting a system one on port 143.
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
# jaga patches' apply tests build .deb packages and a file: repository for a sandboxed apt (Patches/AptSandbox.cs).
command -v dpkg-scanpackages >/dev/null 2>&1 || missing+=(dpkg-dev)
# Backups compress with the system's libzstd (src/Jaga.Engine/Backup/Zstd); a test checks it loads.
dpkg-query -W -f='${Status}' libzstd1 2>/dev/null | grep -q 'ok installed' || missing+=(libzstd1)
# The Debian package's test installs it with dpkg -i (tests/Jaga.Cli.Tests/Packaging): what it depends on must be there.
for pkg in adduser ca-certificates; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
# The readiness checklist's tests make real git repositories (tests/Jaga.Readiness.Tests/ReadinessProject.cs).
command -v git >/dev/null 2>&1 || missing+=(git)
# The dashboard's browser tests drive Debian's Chromium with Playwright (tests/Jaga.Testing/Browser); Playwright never
# downloads a browser of its own.
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  # The tests start their own PostgreSQL; the package must not create and start a system cluster.
  sudo_if_needed mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | sudo_if_needed tee /etc/postgresql-common/createcluster.conf >/dev/null
  # The tests start their own servers (sshd, Swift, PostgreSQL, Prometheus) on free loopback ports: the packages must
  # not start system ones (sshd on port 22, Swift's daemons, Prometheus on 9090). A policy-rc.d that says "no" keeps
  # the install from starting any service (containers usually have one already).
  no_start=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    no_start=1
    trap 'sudo_if_needed rm -f /usr/sbin/policy-rc.d' EXIT
    printf '#!/bin/sh\nexit 101\n' | sudo_if_needed tee /usr/sbin/policy-rc.d >/dev/null
    sudo_if_needed chmod 755 /usr/sbin/policy-rc.d
  fi
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$no_start" ]; then sudo_if_needed rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  if [[ " ${missing[*]} " == *" openssh-server "* ]] && [ -d /run/systemd/system ]; then
    # ...nor start it at the next boot.
    sudo_if_needed systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
  if [[ " ${missing[*]} " == *" mariadb-server "* ]]; then
    # The tests start their own mariadbd on a free port: stop one the package started, and keep it from starting at boot.
    if [ -d /run/systemd/system ]; then
      sudo_if_needed systemctl disable --now mariadb.service >/dev/null 2>&1 || true
    else
      sudo_if_needed service mariadb stop >/dev/null 2>&1 || true
      sudo_if_needed update-rc.d mariadb disable >/dev/null 2>&1 || true
    fi
  fi
  if [[ " ${missing[*]} " == *" prometheus "* ]]; then
    # An existing policy-rc.d may allow starts: stop a Prometheus the package started (it would scrape itself on
    # port 9090 for as long as the machine runs), and keep it from starting at the next boot.
    if [ -d /run/systemd/system ]; then
      sudo_if_needed systemctl disable --now prometheus.service >/dev/null 2>&1 || true
    else
      sudo_if_needed start-stop-daemon --stop --quiet --oknodo --retry 10 --pidfile /run/prometheus/prometheus.pid \
        --exec /usr/bin/prometheus --remove-pidfile || true
      sudo_if_needed update-rc.d prometheus disable >/dev/null 2>&1 || true
    fi
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
dotnet build Jaga.slnx -c Release -nologo -clp:ErrorsOnly

results=$(mktemp -d)
status=0
dotnet test Jaga.slnx -c Release --no-build --nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000 || status=$?

passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -e "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f1=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f1:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test exited with $status"; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no tests ran"; status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
