using Jaga.Core.Storage;

namespace Jaga.Postgres;

/// <summary>The PostgreSQL schema, one versioned step at a time; applied in order by <see cref="SchemaMigrator"/> and recorded in <c>jaga_schema</c>.</summary>
/// <remarks>The same tables as SQLite's, with PostgreSQL's types: <c>time</c> is a <c>timestamptz</c> (microsecond
/// precision, so the millisecond times of sealed entries come back exactly) and readable by anyone querying the table.</remarks>
internal static class PostgresMigrations
{
    public static readonly SchemaStep[] All =
    [
        new(1, "audit chain and checkpoints", """
            CREATE TABLE audit (
              seq bigint PRIMARY KEY,
              time timestamptz NOT NULL,
              actor text NOT NULL,
              kind text NOT NULL,
              level text NOT NULL,
              message text NOT NULL,
              line text NOT NULL,
              data text NOT NULL,
              prev text NOT NULL,
              hash text NOT NULL
            );
            CREATE TABLE checkpoints (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              seq bigint NOT NULL,
              head text NOT NULL,
              time timestamptz NOT NULL,
              key_id text NOT NULL,
              signature text NOT NULL
            );
            """),
        // Times are timestamptz at millisecond precision, as the audit table's; states are lower-case words.
        // A copy's ordinal keeps the order the copies were saved in (the plan's order of destinations).
        new(2, "backup catalog and job locks", """
            CREATE TABLE backups (
              id text PRIMARY KEY,
              job text NOT NULL,
              artifact text NOT NULL,
              source_kind text NOT NULL,
              status text NOT NULL,
              started_at timestamptz NOT NULL,
              finished_at timestamptz,
              size bigint NOT NULL,
              sha256 text,
              verified_at timestamptz,
              verify_result text,
              detail text,
              manifest text
            );
            CREATE INDEX backups_job_started ON backups (job, started_at);
            CREATE INDEX backups_started ON backups (started_at);
            CREATE TABLE backup_copies (
              backup_id text NOT NULL REFERENCES backups (id) ON DELETE CASCADE,
              destination text NOT NULL,
              ordinal integer NOT NULL,
              state text NOT NULL,
              detail text,
              verified_at timestamptz,
              PRIMARY KEY (backup_id, destination)
            );
            CREATE TABLE job_locks (
              job text PRIMARY KEY,
              owner text NOT NULL,
              acquired_at timestamptz NOT NULL,
              expires_at timestamptz NOT NULL
            );
            """),
        // One row per attempt at one occurrence of one job; the unique key is the final guard that makes a claim exactly-once
        // (claims of one job also serialise on an advisory lock). Outcomes and ping kinds are lower-case words. The partial
        // index holds only running rows: the busy check and the expired listing.
        new(3, "job ledger: runs, nodes and pings", """
            CREATE TABLE job_runs (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              job text NOT NULL,
              occurrence timestamptz NOT NULL,
              attempt integer NOT NULL,
              node text NOT NULL,
              claimed_at timestamptz NOT NULL,
              lease_until timestamptz NOT NULL,
              finished_at timestamptz,
              outcome text NOT NULL,
              detail text,
              UNIQUE (job, occurrence, attempt)
            );
            CREATE INDEX job_runs_occurrence ON job_runs (occurrence, attempt);
            CREATE INDEX job_runs_running ON job_runs (job, lease_until) WHERE outcome = 'running';
            CREATE TABLE nodes (
              id text PRIMARY KEY,
              host text NOT NULL,
              pid integer NOT NULL,
              version text NOT NULL,
              started_at timestamptz NOT NULL,
              last_seen timestamptz NOT NULL,
              plan_sha256 text NOT NULL,
              stopped_at timestamptz
            );
            CREATE TABLE pings (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              check_name text NOT NULL,
              kind text NOT NULL,
              exit_code integer,
              at timestamptz NOT NULL,
              via text NOT NULL
            );
            CREATE INDEX pings_check_at ON pings (check_name, at);
            """),
        // Check history, as SQLite's: raw results, and hourly and daily aggregates keyed (check, bucket start) that every result
        // is added to when recorded, so compaction only deletes; a histogram is an array of 16 counts (DurationHistogram). The
        // marks say up to where compaction deleted each tier.
        new(4, "check history and check states", """
            CREATE TABLE check_results (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              check_name text NOT NULL,
              at timestamptz NOT NULL,
              outcome text NOT NULL,
              duration_ms double precision NOT NULL,
              reason text NOT NULL
            );
            CREATE INDEX check_results_check_at ON check_results (check_name, at);
            CREATE INDEX check_results_at ON check_results (at);
            CREATE TABLE check_hourly (
              check_name text NOT NULL,
              bucket_start timestamptz NOT NULL,
              count bigint NOT NULL,
              passed bigint NOT NULL,
              warnings bigint NOT NULL,
              duration_sum_ms double precision NOT NULL,
              duration_max_ms double precision NOT NULL,
              histogram bigint[] NOT NULL,
              PRIMARY KEY (check_name, bucket_start)
            );
            CREATE INDEX check_hourly_bucket ON check_hourly (bucket_start);
            CREATE TABLE check_daily (
              check_name text NOT NULL,
              bucket_start timestamptz NOT NULL,
              count bigint NOT NULL,
              passed bigint NOT NULL,
              warnings bigint NOT NULL,
              duration_sum_ms double precision NOT NULL,
              duration_max_ms double precision NOT NULL,
              histogram bigint[] NOT NULL,
              PRIMARY KEY (check_name, bucket_start)
            );
            CREATE INDEX check_daily_bucket ON check_daily (bucket_start);
            CREATE TABLE check_history_marks (
              tier text PRIMARY KEY,
              until timestamptz NOT NULL
            );
            CREATE TABLE check_states (
              check_name text PRIMARY KEY,
              status text NOT NULL,
              since timestamptz NOT NULL,
              failures integer NOT NULL,
              successes integer NOT NULL,
              last_alert_at timestamptz,
              reason text NOT NULL
            );
            """),
    ];
}
