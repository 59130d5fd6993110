#!/usr/bin/env bash
# Dependency audit (Step 8): `jaga deps audit` on a generated repository of about 200 dependencies across the three
# ecosystems — the 29 NuGet packages this repository pins (Directory.Packages.props, asked of the public NuGet source as
# configured on the machine), 100 popular npm packages at older versions (the npm registry as configured), and 71 Python
# requirements served by a local PEP 503 index (PyPI itself is not reachable from these machines) — cold (empty registry
# cache), warm (the previous run's cache, within its 10-minute freshness window: no request) and --refresh (every
# cached answer revalidated: one conditional request per package), compared in the same run with what a user would
# run on each part: `dotnet list package --outdated` and `dotnet outdated` (dotnet-outdated-tool) on the .NET part,
# `npm outdated` on the npm part. Median of RUNS runs,
# wall time and CPU time (user + system, from /usr/bin/time: the steadier figure on a shared machine), with the load
# average before and after. Jaga warm is also timed as the ReadyToRun build docs/deploy recommends for servers
# (published once into the work folder; R2R=0 skips it, JAGA_R2R names one already published).
# Targets (issue 14): warm under 1 s; cold no slower than the fastest other tool on its part.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d /tmp/jaga-bench-deps.XXXXXX)}
[ "${KEEP:-0}" = 1 ] || trap 'kill $index_pid 2>/dev/null || true; rm -rf "$work"' EXIT
if [ "${BUILD:-1}" = 1 ]; then dotnet build src/Jaga.Cli -c Release -nologo -v q -clp:ErrorsOnly >/dev/null; fi
jaga=${JAGA:-"dotnet $repo/src/Jaga.Cli/bin/Release/net10.0/jaga.dll"}
r2r=${JAGA_R2R:-}
if [ -z "$r2r" ] && [ "${R2R:-1}" = 1 ]; then
  dotnet publish src/Jaga.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -nologo -v q >/dev/null
  r2r="$work/r2r/jaga"
fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

# The .NET part: every package this repository pins, in one project.
mkdir -p "$work/app/dotnet" "$work/app/web" "$work/index/simple"
{
  echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup>'
  grep -o 'Include="[^"]*" Version="[^"]*"' Directory.Packages.props | sed 's|Include=|<PackageReference Include=|; s|$| />|'
  echo '</ItemGroup></Project>'
} > "$work/app/dotnet/Bench.csproj"

# The npm part: 100 popular packages, each at an older release.
python3 - "$work/app/web/package.json" <<'PY'
import json, sys
deps = """lodash 4.17.15|express 4.17.1|react 17.0.2|react-dom 17.0.2|axios 0.21.1|moment 2.29.1|chalk 4.1.0|commander 6.2.1
debug 4.1.1|uuid 8.3.0|dotenv 8.2.0|yargs 16.2.0|minimist 1.2.5|semver 7.3.4|glob 7.1.6|rimraf 3.0.2|mkdirp 1.0.4
fs-extra 9.0.1|body-parser 1.19.0|cors 2.8.5|morgan 1.10.0|cookie-parser 1.4.5|jsonwebtoken 8.5.1|bcryptjs 2.4.3
mongoose 5.11.8|mysql2 2.2.5|pg 8.5.1|redis 3.0.2|ioredis 4.19.4|socket.io 3.0.4|ws 7.4.1|node-fetch 2.6.1
request 2.88.2|cheerio 1.0.0-rc.3|jquery 3.5.1|underscore 1.12.0|async 3.2.0|bluebird 3.7.2|rxjs 6.6.3|classnames 2.2.6
prop-types 15.7.2|redux 4.0.5|react-redux 7.2.2|react-router-dom 5.2.0|styled-components 5.2.1|vue 2.6.12|vuex 3.6.0
vue-router 3.4.9|typescript 4.1.3|webpack 5.11.0|webpack-cli 4.2.0|babel-loader 8.2.2|@babel/core 7.12.10
@babel/preset-env 7.12.11|eslint 7.16.0|prettier 2.2.1|jest 26.6.3|mocha 8.2.1|chai 4.2.0|sinon 9.2.2|nodemon 2.0.6
ts-node 9.1.1|@types/node 14.14.14|@types/react 17.0.0|@types/express 4.17.9|date-fns 2.16.1|dayjs 1.9.7|ramda 0.27.1
immutable 4.0.0-rc.12|qs 6.9.4|validator 13.5.2|joi 17.3.0|yup 0.32.8|ajv 6.12.6|handlebars 4.7.6|ejs 3.1.5|pug 3.0.0
marked 1.2.7|highlight.js 10.4.1|sharp 0.26.3|multer 1.4.2|nodemailer 6.4.17|winston 3.3.3|pino 6.9.0|helmet 4.3.1
compression 1.7.4|passport 0.4.1|passport-local 1.0.0|graphql 15.4.0|apollo-server 2.19.1|knex 0.21.15|sequelize 6.3.5
sqlite3 5.0.0|inquirer 7.3.3|ora 5.1.0|boxen 4.2.0|figlet 1.5.0|colors 1.4.0|cross-env 7.0.3|concurrently 5.3.0
npm-run-all 4.1.5|husky 4.3.6""".replace("\n", "|").split("|")
pairs = [d.split(" ") for d in deps if d.strip()]
json.dump({"name": "bench-web", "version": "1.0.0", "dependencies": {n: "^" + v for n, v in pairs}}, open(sys.argv[1], "w"), indent=2)
print(len(pairs), "npm dependencies", file=sys.stderr)
PY

# The Python part: 71 requirements pinned two releases behind, served by a local simple index.
python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
names = [f"bench-lib-{i:02d}" for i in range(71)]
with open(f"{work}/app/requirements.txt", "w") as req:
    for i, n in enumerate(names):
        versions = [f"1.{m}.{p}" for m in range(4) for p in range(6)] + ["2.0.0", "2.1.0rc1"]
        d = f"{work}/index/simple/{n}"
        os.makedirs(d, exist_ok=True)
        links = "".join(f'<a href="../../packages/{n.replace("-", "_")}-{v}.tar.gz">{n.replace("-", "_")}-{v}.tar.gz</a><br/>\n' for v in versions)
        open(f"{d}/index.html", "w").write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
        req.write(f"{n}==1.{i % 4}.{i % 5}\n")
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/index" >/dev/null 2>&1 & index_pid=$!
export PIP_INDEX_URL="http://127.0.0.1:$port/simple/" PIP_CONFIG_FILE=/dev/null
for _ in $(seq 50); do curl -sf "$PIP_INDEX_URL" >/dev/null 2>&1 && break; curl -sf "${PIP_INDEX_URL}bench-lib-00/" >/dev/null && break; sleep 0.1; done

plan() { printf 'version: 1\nproject: bench\nlog: { file: journal/maintenance.log }\nupdate:\n  root: app\n  manifests: %s\n' "$1" > "$work/$2"; }
plan auto jaga.yaml
plan '[dotnet/Bench.csproj]' jaga-dotnet.yaml
plan '[web/package.json]' jaga-npm.yaml

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # prints "wall cpu" in seconds
  /usr/bin/time -f '%e %U %S' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time.out" | awk '{printf "%s %.2f\n", $1, $2 + $3}'
}
measure() { # name, setup-before-each (may be :), command…
  local name=$1 setup=$2; shift 2; local w=() c=()
  for _ in $(seq 1 "$runs"); do eval "$setup"; read -r wall cpu < <(timed "$@"); w+=("$wall"); c+=("$cpu"); done
  printf '%-44s %6.2f s wall  %6.2f s CPU   (wall: %s; CPU: %s)\n' "$name" "$(printf '%s\n' "${w[@]}" | median)" \
    "$(printf '%s\n' "${c[@]}" | median)" "${w[*]}" "${c[*]}"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "repository: $(grep -c PackageReference "$work/app/dotnet/Bench.csproj") NuGet, $(python3 -c "import json;print(len(json.load(open('$work/app/web/package.json'))['dependencies']))" ) npm, $(wc -l < "$work/app/requirements.txt") PyPI dependencies"
(cd "$work/app/dotnet" && dotnet restore -v q >/dev/null)   # dotnet list package needs a restored project
dotnet tool install --tool-path "$work/tools" dotnet-outdated-tool >/dev/null 2>&1 || echo "dotnet-outdated-tool: not installable here" >&2

echo "--- .NET part"
measure "dotnet list package --outdated" : dotnet list "$work/app/dotnet/Bench.csproj" package --outdated
[ -x "$work/tools/dotnet-outdated" ] && measure "dotnet outdated" : "$work/tools/dotnet-outdated" "$work/app/dotnet/Bench.csproj"
measure "jaga deps audit, .NET part, cold" "rm -rf $work/.jaga/cache" $jaga --plan "$work/jaga-dotnet.yaml" deps audit --format json
echo "--- npm part"
measure "npm outdated, cold cache" "rm -rf $work/npmcache" npm outdated --prefix "$work/app/web" --cache "$work/npmcache"
measure "npm outdated, warm cache" : npm outdated --prefix "$work/app/web" --cache "$work/npmcache"
measure "jaga deps audit, npm part, cold" "rm -rf $work/.jaga/cache" $jaga --plan "$work/jaga-npm.yaml" deps audit --format json
echo "--- the whole repository"
measure "jaga deps audit, all three, cold" "rm -rf $work/.jaga/cache" $jaga --plan "$work/jaga.yaml" deps audit --format json
measure "jaga deps audit, all three, warm" : $jaga --plan "$work/jaga.yaml" deps audit --format json
measure "jaga deps audit, all three, --refresh" : $jaga --plan "$work/jaga.yaml" deps audit --format json --refresh
measure "jaga deps audit, all three, --offline" : $jaga --plan "$work/jaga.yaml" deps audit --format json --offline
if [ -n "$r2r" ]; then
  measure "jaga (ReadyToRun) deps audit, all, warm" : "$r2r" --plan "$work/jaga.yaml" deps audit --format json
  measure "jaga (ReadyToRun) deps audit, --offline" : "$r2r" --plan "$work/jaga.yaml" deps audit --format json --offline
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
$jaga --plan "$work/jaga.yaml" deps audit --format json 2>/dev/null | python3 -c 'import json,sys; r=json.load(sys.stdin); print("jaga found", r["summary"]["packages"], "dependencies,", r["summary"]["outdated"], "outdated,", r["summary"]["no_data"], "without data")'
