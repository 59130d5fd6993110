#!/usr/bin/env bash
# The fast inner loop: the unit tests (no server, no process started) of the pure core and the engine — about 25 s
# including the build check on this machine. Tests that start a process or a server carry
# [Trait("Category", "Integration")] or live in the integration projects; the full suite is scripts/test.sh (the
# README's test command). Jaga.Unit.slnf names the projects, so one build serves both test projects.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet test Jaga.Unit.slnf -c Release --nologo -v q --filter "Category!=Integration"
