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
        // The Emergency pillar, as SQLite's: a run's id is the caller's, and the partial unique index is what starts an incident's
        // runbook once across nodes; each start of a step is a row (attempt 1, 2… after a resume); at most one open incident per
        // key. seq orders runs started in one millisecond. Durations are milliseconds.
        new(5, "runbook runs, incidents and drills", """
            CREATE TABLE incidents (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              incident_key text NOT NULL,
              title text NOT NULL,
              source text NOT NULL,
              opened_at timestamptz NOT NULL,
              node text NOT NULL,
              acknowledged_at timestamptz,
              acknowledged_by text,
              closed_at timestamptz,
              closed_by text,
              close_note text
            );
            CREATE UNIQUE INDEX incidents_open_key ON incidents (incident_key) WHERE closed_at IS NULL;
            CREATE TABLE incident_events (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
              at timestamptz NOT NULL,
              kind text NOT NULL,
              text text NOT NULL,
              node text
            );
            CREATE INDEX incident_events_incident_at ON incident_events (incident_id, at, id);
            CREATE TABLE runbook_runs (
              id text PRIMARY KEY,
              seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
              runbook text NOT NULL,
              parameters text NOT NULL,
              run_trigger text NOT NULL,
              incident_id bigint REFERENCES incidents (id),
              started_by text NOT NULL,
              started_at timestamptz NOT NULL,
              status text NOT NULL,
              ended_at timestamptz,
              detail text,
              node text NOT NULL,
              lease_until timestamptz NOT NULL
            );
            CREATE UNIQUE INDEX runbook_runs_incident ON runbook_runs (incident_id, runbook) WHERE incident_id IS NOT NULL;
            CREATE INDEX runbook_runs_runbook_started ON runbook_runs (runbook, started_at);
            CREATE INDEX runbook_runs_started ON runbook_runs (started_at);
            CREATE TABLE runbook_steps (
              run_id text NOT NULL REFERENCES runbook_runs (id) ON DELETE CASCADE,
              step_index integer NOT NULL,
              attempt integer NOT NULL,
              name text NOT NULL,
              kind text NOT NULL,
              started_at timestamptz NOT NULL,
              ended_at timestamptz,
              outcome text,
              exit_code integer,
              output text,
              output_tail text,
              detail text,
              PRIMARY KEY (run_id, step_index, attempt)
            );
            CREATE TABLE runbook_approvals (
              run_id text NOT NULL REFERENCES runbook_runs (id) ON DELETE CASCADE,
              step_index integer NOT NULL,
              approved_by text NOT NULL,
              at timestamptz NOT NULL,
              note text,
              seq bigint GENERATED ALWAYS AS IDENTITY,
              PRIMARY KEY (run_id, step_index, approved_by)
            );
            CREATE TABLE drills (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              job text NOT NULL,
              backup_id text,
              started_at timestamptz NOT NULL,
              ended_at timestamptz NOT NULL,
              outcome text NOT NULL,
              recovery_ms bigint,
              data_age_ms bigint,
              detail text,
              node text NOT NULL
            );
            CREATE INDEX drills_job_started ON drills (job, started_at);
            """),
        // A finding is pending while resolved_at is null; one pending row per source, scope, package and advisory (a finding
        // resolved and reported again opens a new row). seen_in names the last reading that reported it, so a complete reading
        // resolves exactly the rows it did not touch, whatever the clock says.
        new(6, "security findings", """
            CREATE TABLE security_findings (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              source text NOT NULL,
              scope text NOT NULL,
              ecosystem text NOT NULL,
              package text NOT NULL,
              advisory text NOT NULL,
              version text NOT NULL,
              severity text NOT NULL,
              fixed_version text,
              first_seen timestamptz NOT NULL,
              last_seen timestamptz NOT NULL,
              resolved_at timestamptz,
              opened_in text NOT NULL,
              seen_in text NOT NULL
            );
            CREATE UNIQUE INDEX security_findings_pending ON security_findings (source, scope, ecosystem, package, advisory)
              WHERE resolved_at IS NULL;
            CREATE INDEX security_findings_resolved ON security_findings (resolved_at) WHERE resolved_at IS NOT NULL;
            CREATE TABLE security_readings (
              source text NOT NULL,
              scope text NOT NULL,
              at timestamptz NOT NULL,
              complete boolean NOT NULL,
              findings integer NOT NULL,
              PRIMARY KEY (source, scope)
            );
            """),
        // Significant changes and their reviews. covers holds the audit entries' sequence numbers. grp joins the entries of one
        // act into one record (the lines of a migration run); one pending request per subject, so two nodes asking for the same
        // review before a runbook runs make one record.
        new(7, "change records and checklist acknowledgements", """
            CREATE TABLE change_records (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              kind text NOT NULL,
              subject text NOT NULL,
              what text NOT NULL,
              author text NOT NULL,
              at timestamptz NOT NULL,
              covers bigint[] NOT NULL,
              applied boolean NOT NULL,
              grp text,
              reviewed_by text,
              reviewed_at timestamptz,
              review_note text,
              review_seq bigint
            );
            CREATE UNIQUE INDEX change_records_group ON change_records (grp) WHERE grp IS NOT NULL;
            CREATE UNIQUE INDEX change_records_request ON change_records (subject) WHERE NOT applied AND reviewed_by IS NULL;
            CREATE INDEX change_records_unreviewed ON change_records (id) WHERE reviewed_by IS NULL;
            CREATE TABLE checklist_acks (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              item text NOT NULL,
              by_name text NOT NULL,
              at timestamptz NOT NULL,
              note text NOT NULL,
              seq bigint NOT NULL
            );
            CREATE INDEX checklist_acks_item ON checklist_acks (item, id);
            """),
        // The dashboard's users and API tokens. A password is kept only as ASP.NET Core Identity's hash, a token only as its
        // SHA-256; failed counts the wrong passwords in a row, locked_until ends a lock-out.
        new(8, "dashboard users and API tokens", """
            CREATE TABLE dashboard_users (
              name text PRIMARY KEY,
              role text NOT NULL,
              password_hash text NOT NULL,
              failed integer NOT NULL DEFAULT 0,
              locked_until timestamptz,
              created timestamptz NOT NULL
            );
            CREATE TABLE api_tokens (
              id text PRIMARY KEY,
              name text NOT NULL,
              role text NOT NULL,
              hash text NOT NULL UNIQUE,
              created timestamptz NOT NULL,
              last_used timestamptz,
              revoked timestamptz
            );
            """),
        // Each job's newest success in one index seek (jaga status, the overview), however many runs the ledger holds.
        new(9, "job ledger: newest success per job", """
            CREATE INDEX job_runs_succeeded ON job_runs (job, occurrence, attempt) WHERE outcome = 'succeeded';
            """),
    ];
}
