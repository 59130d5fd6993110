#!/usr/bin/env bash
# The raw half of bench/drill/run.sh: restore ARTIFACT into URL without Jaga, by the pipeline the printed
# procedure gives (docs/backup.md, "restoring without Jaga"; the target is empty), then the application's
# check query, which must answer EXPECTED.   raw-restore.sh ARTIFACT URL QUERY EXPECTED [same-work]
# With `same-work` it also does by hand what Jaga's restore step does besides: psql --single-transaction
# (Jaga restores in one transaction) and, before the check, every table of the database counted (the step
# compares the counts with the manifest's).
set -euo pipefail
artifact=$1 url=$2 query=$3 expected=$4 mode=${5:-}
if [ "$mode" = same-work ]; then
  zstd -dc "$artifact" | psql -X -q -v ON_ERROR_STOP=1 --single-transaction "$url"
  psql -X -At "$url" -c "SELECT format('SELECT count(*) FROM %I.%I;', schemaname, tablename) FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" | psql -X -q -At -v ON_ERROR_STOP=1 "$url" >/dev/null
else
  zstd -dc "$artifact" | psql -X -q -v ON_ERROR_STOP=1 "$url"
fi
"$(dirname "$0")/check.sh" "$url" "$query" "$expected"
