#!/usr/bin/env bash
# The application's check, as psql runs it: QUERY on URL must answer EXPECTED.   check.sh URL QUERY EXPECTED
set -euo pipefail
got=$(psql -X -At "$1" -c "$2")
[ "$got" = "$3" ] || { echo "check query answered '$got', not '$3'" >&2; exit 1; }
