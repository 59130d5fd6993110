#!/usr/bin/env bash
# The reference part of bench/drill/run.sh: the same restore by `jaga backup restore latest` (no runbook), then
# the application's check query by psql.   jaga-restore.sh JAGA PLAN URL QUERY EXPECTED
set -euo pipefail
"$1" --plan "$2" backup restore latest --into "$3" --yes
"$(dirname "$0")/check.sh" "$3" "$4" "$5"
