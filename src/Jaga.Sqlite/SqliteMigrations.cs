using Jaga.Core.Storage;

namespace Jaga.Sqlite;

/// <summary>The SQLite schema, one versioned step at a time; applied in order by <see cref="SchemaMigrator"/> and recorded in <c>jaga_schema</c>.</summary>
internal static class SqliteMigrations
{
    public static readonly SchemaStep[] All =
    [
        new(1, "audit chain and checkpoints", """
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY,
              time_ms INTEGER NOT NULL,
              actor TEXT NOT NULL,
              kind TEXT NOT NULL,
              level TEXT NOT NULL,
              message TEXT NOT NULL,
              line TEXT NOT NULL,
              data TEXT NOT NULL,
              prev TEXT NOT NULL,
              hash TEXT NOT NULL
            );
            CREATE TABLE checkpoints (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              seq INTEGER NOT NULL,
              head TEXT NOT NULL,
              time_ms INTEGER NOT NULL,
              key_id TEXT NOT NULL,
              signature TEXT NOT NULL
            );
            """),
        // Times are milliseconds since the epoch, as in the audit table; states are lower-case words.
        // A copy's ordinal keeps the order the copies were saved in (the plan's order of destinations).
        new(2, "backup catalog and job locks", """
            CREATE TABLE backups (
              id TEXT PRIMARY KEY,
              job TEXT NOT NULL,
              artifact TEXT NOT NULL,
              source_kind TEXT NOT NULL,
              status TEXT NOT NULL,
              started_at_ms INTEGER NOT NULL,
              finished_at_ms INTEGER,
              size INTEGER NOT NULL,
              sha256 TEXT,
              verified_at_ms INTEGER,
              verify_result TEXT,
              detail TEXT,
              manifest TEXT
            );
            CREATE INDEX backups_job_started ON backups (job, started_at_ms);
            CREATE INDEX backups_started ON backups (started_at_ms);
            CREATE TABLE backup_copies (
              backup_id TEXT NOT NULL REFERENCES backups (id) ON DELETE CASCADE,
              destination TEXT NOT NULL,
              ordinal INTEGER NOT NULL,
              state TEXT NOT NULL,
              detail TEXT,
              verified_at_ms INTEGER,
              PRIMARY KEY (backup_id, destination)
            );
            CREATE TABLE job_locks (
              job TEXT PRIMARY KEY,
              owner TEXT NOT NULL,
              acquired_at_ms INTEGER NOT NULL,
              expires_at_ms INTEGER NOT NULL
            );
            """),
        // One row per attempt at one occurrence of one job; the unique key is what makes a claim exactly-once. Outcomes and
        // ping kinds are lower-case words. The partial index holds only running rows: the busy check and the expired listing.
        new(3, "job ledger: runs, nodes and pings", """
            CREATE TABLE job_runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              job TEXT NOT NULL,
              occurrence_ms INTEGER NOT NULL,
              attempt INTEGER NOT NULL,
              node TEXT NOT NULL,
              claimed_at_ms INTEGER NOT NULL,
              lease_until_ms INTEGER NOT NULL,
              finished_at_ms INTEGER,
              outcome TEXT NOT NULL,
              detail TEXT,
              UNIQUE (job, occurrence_ms, attempt)
            );
            CREATE INDEX job_runs_occurrence ON job_runs (occurrence_ms, attempt);
            CREATE INDEX job_runs_running ON job_runs (job, lease_until_ms) WHERE outcome = 'running';
            CREATE TABLE nodes (
              id TEXT PRIMARY KEY,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              version TEXT NOT NULL,
              started_at_ms INTEGER NOT NULL,
              last_seen_ms INTEGER NOT NULL,
              plan_sha256 TEXT NOT NULL,
              stopped_at_ms INTEGER
            );
            CREATE TABLE pings (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              check_name TEXT NOT NULL,
              kind TEXT NOT NULL,
              exit_code INTEGER,
              at_ms INTEGER NOT NULL,
              via TEXT NOT NULL
            );
            CREATE INDEX pings_check_at ON pings (check_name, at_ms);
            """),
        // Check history: raw results, and hourly and daily aggregates keyed (check, bucket start) that every result is added to
        // when recorded, so compaction only deletes. A histogram is 16 comma-separated counts (DurationHistogram). The marks say
        // up to where compaction deleted each tier (a tier is complete after its mark). Outcomes and statuses are lower-case words.
        new(4, "check history and check states", """
            CREATE TABLE check_results (
              id INTEGER PRIMARY KEY,
              check_name TEXT NOT NULL,
              at_ms INTEGER NOT NULL,
              outcome TEXT NOT NULL,
              duration_ms REAL NOT NULL,
              reason TEXT NOT NULL
            );
            CREATE INDEX check_results_check_at ON check_results (check_name, at_ms);
            CREATE INDEX check_results_at ON check_results (at_ms);
            CREATE TABLE check_hourly (
              check_name TEXT NOT NULL,
              bucket_ms INTEGER NOT NULL,
              count INTEGER NOT NULL,
              passed INTEGER NOT NULL,
              warnings INTEGER NOT NULL,
              duration_sum_ms REAL NOT NULL,
              duration_max_ms REAL NOT NULL,
              histogram TEXT NOT NULL,
              PRIMARY KEY (check_name, bucket_ms)
            ) WITHOUT ROWID;
            CREATE INDEX check_hourly_bucket ON check_hourly (bucket_ms);
            CREATE TABLE check_daily (
              check_name TEXT NOT NULL,
              bucket_ms INTEGER NOT NULL,
              count INTEGER NOT NULL,
              passed INTEGER NOT NULL,
              warnings INTEGER NOT NULL,
              duration_sum_ms REAL NOT NULL,
              duration_max_ms REAL NOT NULL,
              histogram TEXT NOT NULL,
              PRIMARY KEY (check_name, bucket_ms)
            ) WITHOUT ROWID;
            CREATE INDEX check_daily_bucket ON check_daily (bucket_ms);
            CREATE TABLE check_history_marks (
              tier TEXT PRIMARY KEY,
              until_ms INTEGER NOT NULL
            );
            CREATE TABLE check_states (
              check_name TEXT PRIMARY KEY,
              status TEXT NOT NULL,
              since_ms INTEGER NOT NULL,
              failures INTEGER NOT NULL,
              successes INTEGER NOT NULL,
              last_alert_ms INTEGER,
              reason TEXT NOT NULL
            );
            """),
        // The Emergency pillar. A run's id is the caller's (eight hex digits); the partial unique index is what starts an
        // incident's runbook once. Each start of a step is a row of its own (attempt 1, 2… after a resume). At most one open
        // incident per key, by the partial unique index. Durations are milliseconds; statuses, outcomes and kinds lower-case words.
        new(5, "runbook runs, incidents and drills", """
            CREATE TABLE incidents (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              incident_key TEXT NOT NULL,
              title TEXT NOT NULL,
              source TEXT NOT NULL,
              opened_at_ms INTEGER NOT NULL,
              node TEXT NOT NULL,
              acknowledged_at_ms INTEGER,
              acknowledged_by TEXT,
              closed_at_ms INTEGER,
              closed_by TEXT,
              close_note TEXT
            );
            CREATE UNIQUE INDEX incidents_open_key ON incidents (incident_key) WHERE closed_at_ms IS NULL;
            CREATE TABLE incident_events (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
              at_ms INTEGER NOT NULL,
              kind TEXT NOT NULL,
              text TEXT NOT NULL,
              node TEXT
            );
            CREATE INDEX incident_events_incident_at ON incident_events (incident_id, at_ms, id);
            CREATE TABLE runbook_runs (
              id TEXT PRIMARY KEY,
              runbook TEXT NOT NULL,
              parameters TEXT NOT NULL,
              run_trigger TEXT NOT NULL,
              incident_id INTEGER REFERENCES incidents (id),
              started_by TEXT NOT NULL,
              started_at_ms INTEGER NOT NULL,
              status TEXT NOT NULL,
              ended_at_ms INTEGER,
              detail TEXT,
              node TEXT NOT NULL,
              lease_until_ms INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX runbook_runs_incident ON runbook_runs (incident_id, runbook) WHERE incident_id IS NOT NULL;
            CREATE INDEX runbook_runs_runbook_started ON runbook_runs (runbook, started_at_ms);
            CREATE INDEX runbook_runs_started ON runbook_runs (started_at_ms);
            CREATE TABLE runbook_steps (
              run_id TEXT NOT NULL REFERENCES runbook_runs (id) ON DELETE CASCADE,
              step_index INTEGER NOT NULL,
              attempt INTEGER NOT NULL,
              name TEXT NOT NULL,
              kind TEXT NOT NULL,
              started_at_ms INTEGER NOT NULL,
              ended_at_ms INTEGER,
              outcome TEXT,
              exit_code INTEGER,
              output TEXT,
              output_tail TEXT,
              detail TEXT,
              PRIMARY KEY (run_id, step_index, attempt)
            ) WITHOUT ROWID;
            CREATE TABLE runbook_approvals (
              run_id TEXT NOT NULL REFERENCES runbook_runs (id) ON DELETE CASCADE,
              step_index INTEGER NOT NULL,
              approved_by TEXT NOT NULL,
              at_ms INTEGER NOT NULL,
              note TEXT,
              PRIMARY KEY (run_id, step_index, approved_by)
            );
            CREATE TABLE drills (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              job TEXT NOT NULL,
              backup_id TEXT,
              started_at_ms INTEGER NOT NULL,
              ended_at_ms INTEGER NOT NULL,
              outcome TEXT NOT NULL,
              recovery_ms INTEGER,
              data_age_ms INTEGER,
              detail TEXT,
              node TEXT NOT NULL
            );
            CREATE INDEX drills_job_started ON drills (job, started_at_ms);
            """),
        // A finding is pending while resolved_at_ms is null; one pending row per source, scope, package and advisory (a
        // finding resolved and reported again opens a new row). seen_in names the last reading that reported it, so a complete
        // reading resolves exactly the rows it did not touch, whatever the clock says.
        new(6, "security findings", """
            CREATE TABLE security_findings (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              source TEXT NOT NULL,
              scope TEXT NOT NULL,
              ecosystem TEXT NOT NULL,
              package TEXT NOT NULL,
              advisory TEXT NOT NULL,
              version TEXT NOT NULL,
              severity TEXT NOT NULL,
              fixed_version TEXT,
              first_seen_ms INTEGER NOT NULL,
              last_seen_ms INTEGER NOT NULL,
              resolved_at_ms INTEGER,
              opened_in TEXT NOT NULL,
              seen_in TEXT NOT NULL
            );
            CREATE UNIQUE INDEX security_findings_pending ON security_findings (source, scope, ecosystem, package, advisory)
              WHERE resolved_at_ms IS NULL;
            CREATE INDEX security_findings_resolved ON security_findings (resolved_at_ms) WHERE resolved_at_ms IS NOT NULL;
            CREATE TABLE security_readings (
              source TEXT NOT NULL,
              scope TEXT NOT NULL,
              at_ms INTEGER NOT NULL,
              complete INTEGER NOT NULL,
              findings INTEGER NOT NULL,
              PRIMARY KEY (source, scope)
            );
            """),
        // Significant changes and their reviews. covers lists the audit entries' sequence numbers, comma-separated. grp joins
        // the entries of one act into one record (the lines of a migration run); one pending request per subject, so two
        // processes asking for the same review before a runbook runs make one record.
        new(7, "change records and checklist acknowledgements", """
            CREATE TABLE change_records (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              subject TEXT NOT NULL,
              what TEXT NOT NULL,
              author TEXT NOT NULL,
              at_ms INTEGER NOT NULL,
              covers TEXT NOT NULL,
              applied INTEGER NOT NULL,
              grp TEXT,
              reviewed_by TEXT,
              reviewed_at_ms INTEGER,
              review_note TEXT,
              review_seq INTEGER
            );
            CREATE UNIQUE INDEX change_records_group ON change_records (grp) WHERE grp IS NOT NULL;
            CREATE UNIQUE INDEX change_records_request ON change_records (subject) WHERE applied = 0 AND reviewed_by IS NULL;
            CREATE INDEX change_records_unreviewed ON change_records (id) WHERE reviewed_by IS NULL;
            CREATE TABLE checklist_acks (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              item TEXT NOT NULL,
              by_name TEXT NOT NULL,
              at_ms INTEGER NOT NULL,
              note TEXT NOT NULL,
              seq INTEGER NOT NULL
            );
            CREATE INDEX checklist_acks_item ON checklist_acks (item, id);
            """),
        // The dashboard's users and API tokens. A password is kept only as ASP.NET Core Identity's hash, a token only as its
        // SHA-256; failed counts the wrong passwords in a row, locked_until_ms ends a lock-out.
        new(8, "dashboard users and API tokens", """
            CREATE TABLE dashboard_users (
              name TEXT PRIMARY KEY,
              role TEXT NOT NULL,
              password_hash TEXT NOT NULL,
              failed INTEGER NOT NULL DEFAULT 0,
              locked_until_ms INTEGER,
              created_ms INTEGER NOT NULL
            );
            CREATE TABLE api_tokens (
              id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              role TEXT NOT NULL,
              hash TEXT NOT NULL UNIQUE,
              created_ms INTEGER NOT NULL,
              last_used_ms INTEGER,
              revoked_ms INTEGER
            );
            """),
        // Each job's newest success in one index seek (jaga status, the overview), however many runs the ledger holds.
        new(9, "job ledger: newest success per job", """
            CREATE INDEX job_runs_succeeded ON job_runs (job, occurrence_ms, attempt) WHERE outcome = 'succeeded';
            """),
    ];
}
