#!/usr/bin/env bash
# Builds the Debian package jaga_VERSION_amd64.deb: the ReadyToRun `jaga` under /usr/lib/jaga (linked from
# /usr/bin/jaga), the hardened unit of deploy/jaga.service pointed at the package's paths, the `jaga` system user
# (postinst), /etc/jaga/jaga.yaml as a conffile, /var/lib/jaga and /var/log/jaga for the daemon's state and logs.
#
#   bash packaging/deb/build.sh [OUT_DIR]          # default OUT_DIR: artifacts/deb; prints the package's path last
#
# JAGA_DEB_MODE=self-contained (default: the package depends on no .NET runtime) or framework-dependent (needs
# Microsoft's aspnetcore-runtime-10.0 package); docs/benchmarks.md compares the two. The publish goes to its own
# artifacts folder, so it neither reads nor disturbs the bin/ and obj/ of a developer's or a test run's build.
# JAGA_DEB_PUBLISHED=DIR packages an earlier publish of the same mode instead of publishing again.
# lintian checks the package when it is installed (it is not required).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/packaging/deb"
out=$(mkdir -p "${1:-$root/artifacts/deb}" && cd "${1:-$root/artifacts/deb}" && pwd)
mode=${JAGA_DEB_MODE:-self-contained}
case "$mode" in
  self-contained) self_contained=true ;;
  framework-dependent) self_contained=false ;;
  *) echo "build.sh: JAGA_DEB_MODE must be self-contained or framework-dependent, not '$mode'" >&2; exit 2 ;;
esac
for tool in dotnet dpkg-deb gzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: $tool is missing (apt-get install dpkg-dev gzip; .NET SDK 10)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The project's version (Directory.Build.props), as `jaga --version` prints it; a pre-release "-beta.1" sorts before
# the release in Debian as "~beta.1".
version=$(dotnet msbuild "$root/src/Jaga.Cli/Jaga.Cli.csproj" -nologo -getProperty:Version)
deb_version=${version//-/\~}
# Reproducible dates: the last commit's, unless the caller sets SOURCE_DATE_EPOCH.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree/DEBIAN" "$tree/usr/bin" "$tree/usr/lib/jaga" "$tree/lib/systemd/system" "$tree/etc/jaga" \
  "$tree/var/lib/jaga" "$tree/var/log/jaga" "$tree/usr/share/doc/jaga"

if [ -n "${JAGA_DEB_PUBLISHED:-}" ]; then
  # A publish made before (same mode), packaged as is: repackaging takes seconds instead of minutes.
  cp -a "$JAGA_DEB_PUBLISHED/." "$tree/usr/lib/jaga/"
else
  echo "Publishing jaga $version ($mode, ReadyToRun)…" >&2
  dotnet publish "$root/src/Jaga.Cli/Jaga.Cli.csproj" -c Release -r linux-x64 --self-contained "$self_contained" \
    -p:PublishReadyToRun=true -p:DebugType=none -p:DebugSymbols=false -p:SatelliteResourceLanguages=en \
    --artifacts-path "$work/artifacts" -o "$tree/usr/lib/jaga" -nologo -v q -clp:ErrorsOnly >&2
fi
# The XML API docs are for developers (the build needs them: IDE0005 runs only with them), symbols for debuggers.
find "$tree/usr/lib/jaga" \( -name '*.pdb' -o -name '*.xml' \) -delete
ln -s ../lib/jaga/jaga "$tree/usr/bin/jaga"

# The unit of docs/deploy.md (deploy/jaga.service), its hardening as is, pointed at the package's paths. Each
# replaced line must be there: a change to deploy/jaga.service that this script does not follow fails the build.
unit="$tree/lib/systemd/system/jaga.service"
sed -e 's|^# /etc/systemd/system/jaga.service$|# /lib/systemd/system/jaga.service, from the jaga Debian package: change it with `systemctl edit jaga`.|' \
    -e 's|^WorkingDirectory=/srv/tokoku$|WorkingDirectory=/var/lib/jaga|' \
    -e 's|^ExecStart=/opt/jaga/jaga run --plan /srv/tokoku/jaga.yaml$|ExecStart=/usr/bin/jaga run --plan /etc/jaga/jaga.yaml|' \
    -e 's|^ReadWritePaths=/srv/tokoku/.jaga /srv/tokoku/logs /srv/tokoku/backup$|ReadWritePaths=/var/lib/jaga /var/log/jaga|' \
    "$root/deploy/jaga.service" >"$unit"
for line in '# /lib/systemd/system/jaga.service, from' 'WorkingDirectory=/var/lib/jaga' \
    'ExecStart=/usr/bin/jaga run --plan /etc/jaga/jaga.yaml' 'ReadWritePaths=/var/lib/jaga /var/log/jaga'; do
  grep -q "^$line" "$unit" || { echo "build.sh: deploy/jaga.service changed: '$line' is no longer made; update packaging/deb/build.sh" >&2; exit 1; }
done
if grep -Eq '/srv/tokoku|/opt/jaga' "$unit"; then
  echo "build.sh: deploy/jaga.service names a path the package does not have: update packaging/deb/build.sh" >&2; exit 1
fi
chmod 644 "$unit"

install -m 644 "$here/jaga.yaml" "$tree/etc/jaga/jaga.yaml"
install -m 644 "$here/copyright" "$tree/usr/share/doc/jaga/copyright"
gzip -9n <"$root/CHANGELOG.md" >"$tree/usr/share/doc/jaga/changelog.gz"
changed=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
printf 'jaga (%s) unstable; urgency=medium\n\n  * Jaga %s; what changed: /usr/share/doc/jaga/changelog.gz.\n\n -- Jaga developers <jaga@example.org>  %s\n' \
  "$deb_version" "$version" "$changed" | gzip -9n >"$tree/usr/share/doc/jaga/changelog.Debian.gz"
chmod 755 "$tree/var/lib/jaga" "$tree/var/log/jaga"
for script in postinst prerm postrm; do install -m 755 "$here/$script" "$tree/DEBIAN/$script"; done
echo /etc/jaga/jaga.yaml >"$tree/DEBIAN/conffiles"

if [ "$self_contained" = true ]; then
  # What the .NET runtime links (ldd) and loads (libssl for TLS: Debian 12's libssl3, 13's libssl3t64; zlib is built in);
  # InvariantGlobalization needs no ICU. libzstd1: backups compress with the system's libzstd (src/Jaga.Engine/Backup/Zstd).
  depends="libc6 (>= 2.27), libgcc-s1, libstdc++6, libssl3 | libssl3t64, libzstd1, ca-certificates, adduser"
else
  depends="aspnetcore-runtime-10.0, libzstd1, ca-certificates, adduser"
fi
size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
cat >"$tree/DEBIAN/control" <<EOF
Package: jaga
Version: $deb_version
Architecture: amd64
Maintainer: Jaga developers <jaga@example.org>
Installed-Size: $size
Depends: $depends
Recommends: postgresql-client, zstd
Suggests: age
Section: admin
Priority: optional
Description: maintenance plan, as code, that runs itself
 Jaga carries out a small team's maintenance plan, one YAML file: backups
 (PostgreSQL, SQLite, files; local, SFTP, S3; zstd, age), monitoring and
 alerts, library updates and patches, emergency runbooks, and the migration
 from a starter kit's database to production. Every act is a line of the
 maintenance log and an entry of a hash-chained audit record.
 .
 This package runs "jaga run" as the system user jaga under systemd
 (jaga.service) on the plan /etc/jaga/jaga.yaml, with its state in
 /var/lib/jaga.
EOF
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 644 "$tree/DEBIAN/control" "$tree/DEBIAN/conffiles" "$tree/DEBIAN/md5sums"

deb="$out/jaga_${deb_version}_amd64.deb"
dpkg-deb --root-owner-group -Z"${JAGA_DEB_COMPRESS:-xz}" --build "$tree" "$deb" >&2
if command -v lintian >/dev/null 2>&1; then
  lintian --no-tag-display-limit "$deb" >&2 || echo "build.sh: lintian found problems (above)" >&2
fi
echo "$deb"
