#!/usr/bin/env bash
# The raw half of bench/drill/run.sh: restore ARTIFACT into URL without Jaga, by the pipeline the printed
# procedure gives (docs/backup.md, "restoring without Jaga"; the target is empty), then the application's
# check query, which must answer EXPECTED. Further arguments go to psql (e.g. --single-transaction, as Jaga
# restores).   raw-restore.sh ARTIFACT URL QUERY EXPECTED [PSQL_FLAG…]
set -euo pipefail
artifact=$1 url=$2 query=$3 expected=$4; shift 4
zstd -dc "$artifact" | psql -X -q -v ON_ERROR_STOP=1 "$@" "$url"
"$(dirname "$0")/check.sh" "$url" "$query" "$expected"
