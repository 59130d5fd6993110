using Jaga.Core.Plan.Values;

namespace Jaga.Core.Plan.Schema;

/// <summary>The plan's shape, the one source of truth for validation, binding, the JSON Schema and the docs.</summary>
public static class PlanSchema
{
    private static readonly string[] DatabaseSchemes = PlanUrl.Database;

    public static ObjectShape Root { get; } = Obj<MaintenancePlan>(
        "A Jaga maintenance plan.",
        F("version", Int(min: 1), required: true, doc: "Plan format version; 1."),
        F("project", Name(), required: true, doc: "The project's name, used in logs and the rendered plan."),
        F("timezone", Scalar(ScalarKind.TimeZone), def: "UTC", doc: "IANA time zone in which schedules are read and log times written."),
        F("language", Enum("en", "id"), def: "en", doc: "Language of the maintenance log and the CLI: en or id."),
        F("state", Scalar(ScalarKind.String), def: ".jaga/state.db", doc: "State store: a SQLite file path (default) or postgres://… for several nodes."),
        F("listen", Scalar(ScalarKind.HostPort), def: "127.0.0.1:8080", doc: "Address of the dashboard, /metrics and heartbeat URLs."),
        F("scheduler", Obj<SchedulerSettings>("How `jaga run` carries out the schedules.",
            F("concurrency", Int(min: 1), def: "4", doc: "Jobs run at the same time on one node, at most."),
            F("lease", Scalar(ScalarKind.Duration), def: "30s", doc: "How long a node's claim on a running job lasts without renewal; a run whose node went silent longer is recorded as lost."),
            F("shutdown_timeout", Scalar(ScalarKind.Duration), def: "30s", doc: "On SIGTERM, how long running jobs may take to finish before they are stopped and recorded as interrupted."),
            F("node", Name(), doc: "This machine's name among the nodes that share a state store (default: its host name). Every audit entry records the node that wrote it, and `jaga audit verify` compares each node's maintenance log with that node's entries.")),
            doc: "The daemon's scheduler."),
        F("log", Obj<LogSettings>("The maintenance log file.",
            F("file", Path(), def: "logs/maintenance.log", doc: "Path of the maintenance log, in the seed's line format."),
            F("rotate", Obj<LogRotation>("Rotation of the maintenance log itself, under the journal's lock so no line is lost; `jaga audit verify` reads the rotated parts in order. The audit chain is never pruned.",
                F("max_size", Scalar(ScalarKind.Size), doc: "Rotate when larger."),
                F("rotate_every", Scalar(ScalarKind.Duration), doc: "Rotate when the last rotation is older than this (logrotate's daily: 1d)."),
                F("count", Int(min: 1), doc: "Rotated parts to keep."),
                F("keep", Scalar(ScalarKind.Duration), doc: "Maximum age of rotated parts."),
                F("total_size", Scalar(ScalarKind.Size), doc: "Maximum size of all rotated parts."),
                F("compress", Enum("none", "gzip", "zstd"), def: "none"),
                F("delay_compress", Bool(), def: "false", doc: "Leave the newest rotated part uncompressed until the next pass.")))),
            doc: "The maintenance log."),
        F("env_files", List(Path(), single: true), doc: "dotenv files whose values fill ${VAR}; their values are secrets and never printed."),
        F("destinations", new MapShape(Destination, "destination name") { Description = "Where backups go, by name.", Names = NameKind.Destination }),
        F("backup", List(BackupJob) with { Names = NameKind.BackupJob }, doc: "Backup jobs."),
        F("monitoring", Monitoring),
        F("update", Update),
        F("emergency", Emergency),
        F("notify", new MapShape(Obj<NotifyChannel>("A notification channel.",
            F("webhook", Url("http", "https") with { Secret = true }, doc: "Webhook URL (often carries a token)."),
            F("format", Enum("json", "slack", "discord", "telegram"), def: "json", doc: "Webhook payload shape: generic JSON, or what Slack, Discord or Telegram accept."),
            F("chat_id", Str(), doc: "Telegram chat id (format: telegram)."),
            F("email", Str(), doc: "E-mail address(es), comma-separated."),
            F("smtp", Url("smtp", "smtps") with { Secret = true }, doc: "Mail server, e.g. smtp://user:${SMTP_PASSWORD}@mail.example.com:587; smtps:// for TLS from the first byte."),
            F("from", Str(), doc: "Sender address of alert e-mails; jaga@<host> when absent."),
            F("tls", Enum("starttls", "when_available", "none"), def: "starttls", doc: "For smtp://: require STARTTLS (default), use it when offered, or never (loopback relays only)."),
            F("ca_file", Path(), doc: "PEM file of the CA that signed the mail server's certificate, when it is not a public one.")) with
        { AnyOf = ["webhook", "email"] },
            "channel name")
        { Description = "Notification channels, by name.", Names = NameKind.Channel }),
        F("migration", Obj<MigrationSection>("Moving data from the starter kit's database to production.",
            F("from", Url(DatabaseSchemes) with { Secret = true }, required: true, doc: "The starter kit's database."),
            F("to", Url(DatabaseSchemes) with { Secret = true }, required: true, doc: "The production database."),
            F("env_file", Path(), doc: "The env file to update after the migration, e.g. .env.production."),
            F("test", Str(), doc: "Command that runs the integration tests."),
            F("tables", List(Str()), doc: "Tables to move; all when absent."),
            F("env", new MapShape(Str(), "variable name") { Description = "Keys `jaga migrate run` sets in env_file after the import, e.g. DATABASE_URL: \"${PRODUCTION_DATABASE_URL}\"; values are never printed, the audit keeps their HMAC-SHA256 under the installation's key (env-hmac.key beside the state)." }),
            F("out", Path(), def: ".jaga/migration", doc: "Folder under which each `jaga migrate run` writes its export and its receipt (migration-receipt.md and .json), one subfolder per run."),
            F("test_timeout", Scalar(ScalarKind.Duration), def: "10m", doc: "How long the test command may take before it is stopped and the run fails."))),
        F("audit", Obj<AuditSettings>("The audit chain's signing key and checkpoints.",
            F("key", Path(), def: ".jaga/audit.key", doc: "Ed25519 private key for checkpoints (created by jaga init, mode 0600)."),
            F("public_key", Path(), def: ".jaga/audit.pub", doc: "Public key that verifies checkpoints; keep a copy elsewhere."),
            F("checkpoint", Cron(), doc: "Schedule of signed checkpoints, e.g. @daily."),
            F("anchors", Path(), doc: "Folder where scheduled checkpoints are also written as anchor files."))),
        F("changes", ReadinessSchema.Changes),
        F("docs", ReadinessSchema.Docs),
        F("checklist", ReadinessSchema.Checklist),
        F("secrets", Obj<SecretsSection>("The secrets scan (`jaga secrets scan`).",
            F("allow", Obj<SecretsAllowSection>("What the scan lets pass; a line can also say `jaga:allow`.",
                F("paths", List(Str(), single: true), doc: "Globs of files left out, read as a .gitignore (`tests/fixtures/`, `*.example`, `/docs/keys.md`)."),
                F("regexes", List(Str(), single: true), doc: "Regular expressions (RE2 syntax, as gitleaks') of secrets that pass, e.g. a published test key."))),
            F("config", Path(), doc: "A gitleaks-format rule file (gitleaks.toml) used instead of Jaga's own rules; `--config` overrides it."),
            F("max_file_size", Scalar(ScalarKind.Size), def: "10MiB", doc: "Files larger than this are skipped, and reported as skipped."))),
        F("dashboard", Obj<DashboardSettings>("The dashboard `jaga run` serves on `listen:`; everything but /healthz, /readyz, the heartbeat URLs and (if on) /status needs a sign-in or an API token.",
            F("metrics", Enum("public", "token"), def: "public", doc: "Who may read /metrics: anyone who reaches `listen:` (public), or only a request with an API token (`Authorization: Bearer`, `jaga token create NAME --role viewer`) or a signed-in user (token). A change takes a restart."),
            F("status_page", Bool(), def: "false", doc: "Serve a public status page at /status: each check's name, up or down and its 90-day uptime bars, to anyone who reaches `listen:` without signing in (no URL, condition, output or host detail). Off: /status is a 404, signed in or not."))));

    private static ObjectShape Destination => Obj<Destination>("A backup destination: a local folder, an S3 bucket or an SFTP server.",
        F("path", Path(), doc: "Local folder."),
        F("s3", Url("s3"), doc: "s3://bucket/prefix"),
        F("endpoint", Url("http", "https"), doc: "S3-compatible endpoint; AWS when absent."),
        F("region", Str(), doc: "S3 region."),
        F("path_style", Bool(), doc: "Path-style S3 addressing (most S3-compatible stores)."),
        F("access_key", Secret(), doc: "S3 access key."),
        F("secret_key", Secret(), doc: "S3 secret key."),
        F("sftp", Url("sftp"), doc: "sftp://user@host:port/path"),
        F("key_file", Path(), doc: "SSH private key for SFTP."),
        F("password", Secret(), doc: "SFTP password, when no key is used."),
        F("known_hosts", Path(), doc: "known_hosts file that pins the server's host key."),
        F("fingerprint", Str(), doc: "Pinned host key fingerprint (SHA256:…).")) with
    { OneOf = ["path", "s3", "sftp"], Variants = Kinds(("path", typeof(LocalFolder)), ("s3", typeof(S3Store)), ("sftp", typeof(SftpServer))) };

    private static ObjectShape BackupJob => Obj<BackupJob>("A backup job.",
        F("name", Name(), required: true),
        F("source", Obj<BackupSource>("What to back up.",
            F("postgres", Url("postgres", "postgresql") with { Secret = true }, doc: "PostgreSQL URL, dumped with pg_dump."),
            F("sqlite", Path(), doc: "SQLite file, copied with the online backup API."),
            F("mysql", Url("mysql", "mariadb") with { Secret = true }, doc: "MySQL/MariaDB URL. Not in this release: `jaga validate` refuses it (the key is reserved, so plans written for a later release read the same)."),
            F("files", List(Path(), single: true), doc: "Files and folders, as a tar stream."),
            F("exclude", List(Str(), single: true), doc: "Glob patterns left out of a files backup, read as a .gitignore (`*.tmp`, `cache/`, `**/node_modules`, `/config.yml`, `!keep.tmp` to take back).")) with
        {
            OneOf = ["postgres", "sqlite", "mysql", "files"],
            Variants = Kinds(("postgres", typeof(PostgresDatabase)), ("sqlite", typeof(SqliteDatabase)), ("mysql", typeof(MysqlDatabase)), ("files", typeof(FileSet))),
        },
            required: true),
        F("schedule", Cron(), doc: "When the job runs: a cron expression read in the plan's time zone."),
        F("every", Scalar(ScalarKind.Duration), doc: "Or a fixed interval instead of a schedule, e.g. 6h; counted from 1970-01-01 00:00 UTC, so it never drifts."),
        F("catch_up", Enum("once", "skip"), def: "once", doc: "After missed occurrences (downtime, a long run): run once to catch up, or skip to the next; logged either way."),
        F("to", List(RefTo(NameKind.Destination), single: true), required: true, doc: "Destination names."),
        F("file", Str(), def: "{name}_{date}", doc: "Artifact name template: {name}, {date} (yyyy-MM-dd), {time} (HHmmss)."),
        F("compress", Enum("none", "gzip", "zstd"), def: "zstd"),
        F("format", Enum("plain", "custom"), def: "plain", doc: "pg_dump format."),
        F("encrypt", Obj<EncryptSettings>("age encryption.",
            F("recipients", List(Str(), single: true), doc: "age recipients: X25519 (age1…) or post-quantum hybrid (age1pq1…, ML-KEM-768 + X25519, age 1.3); one kind per job."),
            F("passphrase_env", Str(), doc: "Name of the variable holding a passphrase (scrypt)."),
            F("identity", Path(), doc: "age identity file (AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…) that verify and restore decrypt with; keep it off the backup destinations."),
            F("armor", Bool(), def: "false", doc: "Write the artifact in age's ASCII armor (-----BEGIN AGE ENCRYPTED FILE-----, as age -a): text that survives e-mail and copy-paste, about a third larger. age and Jaga read either form.")) with
        { OneOf = ["recipients", "passphrase_env"] }),
        F("keep", Obj<KeepPolicy>("Retention, with restic's semantics.",
            F("last", Int(min: 1)), F("hourly", Int(min: 1)), F("daily", Int(min: 1)), F("weekly", Int(min: 1)),
            F("monthly", Int(min: 1)), F("yearly", Int(min: 1)), F("within", Scalar(ScalarKind.Duration))) with
        { AnyOf = ["last", "hourly", "daily", "weekly", "monthly", "yearly", "within"] }),
        F("verify", Obj<VerifySettings>("Verification by checksum and test restore.",
            F("schedule", Cron()),
            F("restore_into", Url(DatabaseSchemes) with { Secret = true }, doc: "Scratch server for test restores."))),
        F("timeout", Scalar(ScalarKind.Duration), def: "6h", doc: "A run still going after this is stopped and recorded as timed out (a failure), whether the daemon or `jaga backup run` started it; what it uploaded is removed.")) with
    { OneOf = ["schedule", "every"] };

    private static ObjectShape Monitoring => Obj<MonitoringSection>("Observation and log retention.",
        F("host", Obj<HostMonitor>("Host resources.",
            F("every", Scalar(ScalarKind.Duration), def: "1m", doc: "How often the host is measured."),
            F("summary", Scalar(ScalarKind.Duration), def: "1h", doc: "How often the summary line (\"Monitoring: CPU usage normal, RAM usage 60%\") is written to the maintenance log."),
            F("cpu", Scalar(ScalarKind.Threshold)), F("memory", Scalar(ScalarKind.Threshold)), F("swap", Scalar(ScalarKind.Threshold)),
            F("load", Str(), doc: "Load average condition, e.g. \"< 4\"."),
            F("disk", new MapShape(Scalar(ScalarKind.Threshold), "mount point") { Description = "Disk use per mount point." }),
            F("alert", Alert))),
        F("checks", List(Check) with { Names = NameKind.Check }),
        F("maintenance", List(Obj<MaintenanceWindow>("A recurring maintenance window: alerts are silenced (and the silence logged) while it lasts.",
            F("name", Name(), required: true),
            F("schedule", Cron(), required: true, doc: "When each window starts, read in the plan's time zone."),
            F("duration", Scalar(ScalarKind.Duration), required: true, doc: "How long each window lasts."),
            F("checks", List(RefTo(NameKind.Check), single: true), doc: "Checks it silences; all when absent."))) with
        { Names = NameKind.MaintenanceWindow },
            doc: "Maintenance windows."),
        F("history", Obj<HistoryRetention>("How long check results are kept in the state store.",
            F("raw", Scalar(ScalarKind.Duration), def: "7d", doc: "Every single result."),
            F("hourly", Scalar(ScalarKind.Duration), def: "90d", doc: "Hourly aggregates (count, failures, response times)."),
            F("daily", Scalar(ScalarKind.Duration), def: "730d", doc: "Daily aggregates."))),
        F("resolver", Scalar(ScalarKind.HostPort), doc: "The DNS server (address:port, e.g. 10.0.0.2:53) that http, tcp, tls, icmp, starttls and ssh checks resolve their host names with, instead of the system's resolver (Gatus's client.dns-resolver, for every check at once). Database checks, an ssh login, RDAP and notifications keep the system's."),
        F("rdap", Obj<RdapSettings>("Where [DOMAIN_EXPIRATION] is looked up, by RDAP.",
            F("bootstrap", Url("http", "https"), def: "https://data.iana.org/rdap/dns.json", doc: "IANA's RDAP bootstrap file (RFC 9224), which names the RDAP server of each top-level domain; read again after `cache`."),
            F("cache", Scalar(ScalarKind.Duration), def: "24h", doc: "How long a domain's expiry (and the bootstrap file) is kept before it is asked again; a failed lookup is retried after 1h at most."))),
        F("logs", List(Obj<LogRetentionRule>("A log retention rule.",
            F("path", Str(), required: true, doc: "Glob of the log files (`*`, `?`, `[abc]` in any segment, `**` for any number of folders; a wildcard never matches a hidden name's leading dot), relative to the plan's folder. Files Jaga rotated (name.<yyyy-MM-ddTHHmmssZ>[-NN][.gz|.zst]) are never taken as live logs."),
            F("keep", Scalar(ScalarKind.Duration), doc: "Maximum age of rotated files."),
            F("max_size", Scalar(ScalarKind.Size), doc: "Rotate when larger."),
            F("rotate_every", Scalar(ScalarKind.Duration), doc: "Rotate when the last rotation (or, before the first, the file's creation) is older than this: 1d is logrotate's daily, 7d weekly."),
            F("count", Int(min: 1), doc: "Rotated files to keep per log file (logrotate's rotate N)."),
            F("total_size", Scalar(ScalarKind.Size), doc: "Maximum size of all rotated files of the rule; the oldest go first."),
            F("compress", Enum("none", "gzip", "zstd"), def: "none"),
            F("delay_compress", Bool(), def: "false", doc: "Leave the newest rotated file uncompressed until the next pass (for apps that keep writing to it a while)."),
            F("copy_truncate", Bool(), def: "false", doc: "Copy then truncate instead of rename; lines written between the copy and the truncation are lost."),
            F("missing_ok", Bool(), def: "false", doc: "A glob that matches nothing is not worth a WARN line."),
            F("post_rotate", Str(), doc: "Command run once per pass after this rule rotated something (via /bin/sh -c), e.g. to signal the app to reopen its log."),
            F("post_rotate_timeout", Scalar(ScalarKind.Duration), def: "1m", doc: "post_rotate is stopped and reported failed after this long.")))));

    private static ObjectShape Check => Obj<Check>("A monitoring check.",
        F("name", Name(), required: true),
        F("http", Url("http", "https")), F("tcp", Scalar(ScalarKind.HostPort)), F("tls", Scalar(ScalarKind.HostPort)),
        F("postgres", Url("postgres", "postgresql") with { Secret = true }), F("sqlite", Path()),
        F("mysql", Url("mysql", "mariadb") with { Secret = true }), F("process", Str()), F("command", Str()),
        F("backup", RefTo(NameKind.BackupJob), doc: "Name of a backup job whose newest good backup is checked."),
        F("heartbeat", Obj<Heartbeat>("A pushed heartbeat.",
            F("every", Scalar(ScalarKind.Duration), required: true), F("grace", Scalar(ScalarKind.Duration), def: "1h"),
            F("token", Secret(), doc: "The secret part of the ping URL /ping/{token}: whoever knows it can report this job as run or failed. `jaga init` writes a random one; `jaga ping NAME --show-url` prints the URL. Without one the check's name is its token, but only while `listen` is a loopback address (validate warns otherwise, and pings by name are refused)."))),
        F("dns", Obj<DnsQuery>("A DNS query, answered as [DNS_RCODE] (NOERROR, NXDOMAIN, SERVFAIL, …) and [BODY] (the last answer of the type asked).",
            F("server", Scalar(ScalarKind.HostPort), required: true, doc: "The DNS server asked, host:port (e.g. 9.9.9.9:53)."),
            F("name", Str(), required: true, doc: "The name queried (example.com; a trailing dot is optional)."),
            F("type", Enum([.. DnsQuery.Types]), def: "A", doc: "The record type asked for; [BODY] is the address (A, AAAA), the target name (CNAME, NS, PTR, MX and SRV without their numbers), the text (TXT), the value (CAA) or the primary server (SOA)."))),
        F("icmp", Str(), doc: "A host name or IP address sent one ICMP echo; [RESPONSE_TIME] is the round trip."),
        F("ssh", Obj<SshLogin>("An SSH server: its banner ([BODY]) and, with `user`, a login.",
            F("address", Scalar(ScalarKind.HostPort), required: true, doc: "The server, host:port."),
            F("user", Str(), doc: "Log in as this user (key_file and/or password, as SFTP destinations do); without it only the banner is read."),
            F("password", Secret(), doc: "The login's password, when no key is used."),
            F("key_file", Path(), doc: "The login's private key (no passphrase)."),
            F("known_hosts", Path(), doc: "known_hosts file that pins the host key for a login (default ~/.ssh/known_hosts)."),
            F("fingerprint", Str(), doc: "Pinned host key fingerprint (SHA256:…) for a login, instead of known_hosts.")) with
        { ShortKey = "address" }),
        F("starttls", Url("smtp", "imap"), doc: "A mail server offering STARTTLS: smtp://host:587 (port 587 when absent) or imap://host:143 (port 143); [CERTIFICATE_EXPIRATION] as a tls check."),
        F("updates", Obj<UpdatesWatch>("Pending security updates, from what `jaga deps audit` (and `plan`, `update`) and `jaga patches` recorded in the state store: a warning while one is overdue.",
            F("overdue_after", Scalar(ScalarKind.Duration), def: "7d", doc: "A security finding still pending this long after the first audit or patches reading that reported it is overdue."))),
        F("method", Enum("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")),
        F("headers", new MapShape(Str(), "header name")),
        F("body", Str()),
        F("query", Str(), doc: "SQL run by database checks; its first value is [RESULT]."),
        F("follow_redirects", Bool(), def: "true", doc: "http: follow redirects (at most 10)."),
        F("insecure", Bool(), def: "false", doc: "http/tls/starttls: accept a certificate that does not verify (expiry is still measured)."),
        F("domain", Str(), doc: "http/tls: the registered domain whose expiry [DOMAIN_EXPIRATION] reads (RDAP), e.g. example.co.uk; by default the host name's last two labels. For a check that names its server by address or by an internal name, or a domain under a two-label suffix."),
        F("max_age", Scalar(ScalarKind.Duration), def: "26h", doc: "backup: the newest good backup must be younger than this."),
        F("every", Scalar(ScalarKind.Duration), def: "1m"),
        F("timeout", Scalar(ScalarKind.Duration), def: "10s"),
        F("expect", List(Scalar(ScalarKind.Condition), single: true), doc: "Gatus-style conditions."),
        F("depends_on", List(RefTo(NameKind.Check), single: true)),
        F("alert", Alert)) with
    {
        OneOf = ["http", "tcp", "tls", "postgres", "sqlite", "mysql", "process", "command", "backup", "heartbeat", "updates", "dns", "icmp", "ssh", "starttls"],
        Variants = Kinds(
            ("http", typeof(HttpCheck)), ("tcp", typeof(TcpCheck)), ("tls", typeof(TlsCheck)), ("postgres", typeof(PostgresCheck)),
            ("sqlite", typeof(SqliteCheck)), ("mysql", typeof(MysqlCheck)), ("process", typeof(ProcessCheck)), ("command", typeof(CommandCheck)),
            ("backup", typeof(BackupCheck)), ("heartbeat", typeof(HeartbeatCheck)), ("updates", typeof(UpdatesCheck)),
            ("dns", typeof(DnsCheck)), ("icmp", typeof(IcmpCheck)), ("ssh", typeof(SshCheck)), ("starttls", typeof(StarttlsCheck))),
    };

    private static ObjectShape Alert => Obj<Alert>("When and whom to alert.",
        F("after", Int(min: 1), def: "3", doc: "Consecutive failures before down."),
        F("recover_after", Int(min: 1), def: "1", doc: "Consecutive successes before up."),
        F("remind_every", Scalar(ScalarKind.Duration), doc: "Repeat the alert this often while down."),
        F("notify", List(RefTo(NameKind.Channel), single: true), doc: "Notification channels."),
        F("runbook", RefTo(NameKind.Runbook), doc: "Runbook named in the alert (Step 5 runs it)."));

    private static ObjectShape Emergency => RunbookSchema.Section;

    private static ObjectShape Update => Obj<UpdateSection>("Library updates and patches.",
        F("schedule", Cron(), doc: "When `jaga run` (and `jaga run --once`) audits the dependencies, applies what the policy applies by itself, runs `test` and rolls back what breaks it (job `update:scheduled`). With `security: immediate`, new advisory data between runs is acted on within minutes (job `update:security`). Without it, the update pillar runs only by hand."),
        F("root", Path(), def: ".", doc: "The project folder whose manifests are read, relative to the plan."),
        F("manifests", new UnionShape([Enum("auto"), List(Path())]), def: "auto", doc: "auto (every .csproj/.fsproj, Directory.Packages.props, packages.lock.json, package.json, package-lock.json, requirements*.txt and pyproject.toml under the root, skipping bin/, obj/, node_modules/ and .venv/), or a list of manifest paths relative to the root."),
        F("policy", Obj<UpdatePolicy>("What to do per kind of update.",
            F("security", Policy(), def: "immediate"), F("patch", Policy(), def: "auto"),
            F("minor", Policy(), def: "review"), F("major", Policy(), def: "manual"))),
        F("review", Enum("after", "before"), def: "after", doc: "When the update pillar's significant changes — a dependency updated to a new major version, OS security patches installed (`jaga patches --apply`) — are reviewed: `after` (carried out, then listed by `jaga changes` until someone reviews them) or `before` (each is held until someone other than who asked reviews the request with `jaga changes review`: a held major update is skipped with the change's number, a held set of security patches refused with exit 2; once reviewed, the next apply carries it out, once)."),
        F("test", Str(), doc: "Command that must pass after an update (run in the root, without a shell); a failing update is rolled back."),
        F("test_timeout", Scalar(ScalarKind.Duration), def: "30m", doc: "How long the test command may run; longer counts as failing."),
        F("os_packages", Bool(), def: "false", doc: "Also read the machine's pending Debian packages (`jaga patches`) on each scheduled run: a pending security update fails the run. Read only: installing them stays `jaga patches --apply --security-only`, by root."),
        F("fail_on", Enum("low", "moderate", "high", "critical", "never"), def: "high", doc: "The lowest advisory severity at which `jaga deps audit` exits 1."),
        F("advisories_max_age", Scalar(ScalarKind.Duration), def: "7d", doc: "Advisory data older than this makes the audit warn (`jaga deps db update` refreshes it)."),
        F("suppress", List(Obj<Suppression>("An accepted advisory, until it expires.",
            F("advisory", Str(), required: true, doc: "The advisory's id or an alias (GHSA-…, CVE-…, PYSEC-…)."),
            F("package", Str(), doc: "Only for this package; all the advisory names when absent."),
            F("reason", Str(), required: true, doc: "Why it is accepted."),
            F("owner", Str(), required: true, doc: "Who answers for it."),
            F("expires", Scalar(ScalarKind.Date), required: true, doc: "The first day (YYYY-MM-DD) it no longer suppresses."))),
            doc: "Advisories accepted for a while, each with a reason, an owner and an expiry; every use is logged."),
        F("concurrency", Int(min: 1), def: "8", doc: "Registry requests in flight at once, per registry."));

    internal static Dictionary<string, Type> Kinds(params (string Key, Type Model)[] kinds) => kinds.ToDictionary(k => k.Key, k => k.Model);

    internal static ObjectShape Obj<T>(string description, params Field[] fields) =>
        new(fields) { Description = description, Model = typeof(T) };

    internal static Field F(string name, Shape shape, bool required = false, string? def = null, string? doc = null) =>
        new(name, shape, required) { Default = def, Description = doc ?? shape.Description };

    internal static ScalarShape Scalar(ScalarKind kind) => new(kind);

    internal static ScalarShape Str() => new(ScalarKind.String);

    internal static ScalarShape Name() => new(ScalarKind.Name) { Description = "A name: letters, digits, '-' and '_'." };

    /// <summary>A name of a thing of <paramref name="kind"/> given elsewhere in the plan (checked by PlanReferences).</summary>
    internal static ScalarShape RefTo(NameKind kind) => Name() with { RefersTo = kind };

    internal static ScalarShape Secret() => new(ScalarKind.String) { Secret = true };

    internal static ScalarShape Path() => new(ScalarKind.Path);

    internal static ScalarShape Bool() => new(ScalarKind.Boolean);

    internal static ScalarShape Cron() => new(ScalarKind.Cron);

    internal static ScalarShape Int(int min) => new(ScalarKind.Integer) { Minimum = min };

    internal static ScalarShape Enum(params string[] values) => new(ScalarKind.Enum) { Values = values };

    private static ScalarShape Policy() => Enum("immediate", "auto", "review", "manual");

    internal static ScalarShape Url(params string[] schemes) => new(ScalarKind.Url) { Schemes = schemes };

    internal static ListShape List(Shape item, bool single = false) => new(item) { AllowSingle = single };
}
