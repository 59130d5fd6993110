#!/usr/bin/env bash
# The raw half of bench/drill/run.sh: restore ARTIFACT into URL without Jaga, by the pipeline the printed
# procedure gives (docs/backup.md, "restoring without Jaga"; the target is empty), then the application's
# check query, which must answer EXPECTED.   raw-restore.sh ARTIFACT URL QUERY EXPECTED
set -euo pipefail
artifact=$1 url=$2
zstd -dc "$artifact" | psql -X -q -v ON_ERROR_STOP=1 "$url"
"$(dirname "$0")/check.sh" "$url" "$3" "$4"
