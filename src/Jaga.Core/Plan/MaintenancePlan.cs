using Jaga.Core.Plan.Values;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Plan;

/// <summary>The whole plan, bound from <c>jaga.yaml</c>. Property names are the plan's keys in PascalCase.</summary>
public sealed record MaintenancePlan(
    int Version,
    string Project,
    TimeZoneInfo Timezone,
    string Language,
    string State,
    string Listen,
    SchedulerSettings Scheduler,
    LogSettings Log,
    IReadOnlyList<string> EnvFiles,
    IReadOnlyDictionary<string, Destination> Destinations,
    IReadOnlyList<BackupJob> Backup,
    MonitoringSection Monitoring,
    UpdateSection Update,
    EmergencySection Emergency,
    IReadOnlyDictionary<string, NotifyChannel> Notify,
    MigrationSection? Migration,
    AuditSettings Audit,
    ChangesSettings Changes,
    DocsSettings Docs,
    ChecklistSettings Checklist,
    SecretsSection Secrets,
    DashboardSettings Dashboard);

public sealed record LogSettings(string File, LogRotation? Rotate);

/// <summary>How the maintenance log itself is rotated: the limits of a <see cref="LogRetentionRule"/> without the
/// glob and the options that make no sense for a file Jaga writes itself (copy_truncate, post_rotate).</summary>
public sealed record LogRotation(
    long? MaxSize, TimeSpan? RotateEvery, int? Count, TimeSpan? Keep, long? TotalSize, Compression Compress, bool DelayCompress);

public sealed record SchedulerSettings(int Concurrency, TimeSpan Lease, TimeSpan ShutdownTimeout, string? Node);

public sealed record AuditSettings(string Key, string PublicKey, CronSchedule? Checkpoint, string? Anchors);

public sealed record BackupJob(
    string Name, BackupSource Source, CronSchedule? Schedule, TimeSpan? Every, CatchUp CatchUp, IReadOnlyList<string> To, string File,
    Compression Compress, DumpFormat Format, EncryptSettings? Encrypt, KeepPolicy? Keep, VerifySettings? Verify, TimeSpan Timeout)
{
    /// <summary>The job's schedule: its cron expression, or its fixed interval.</summary>
    public ISchedule When => (ISchedule?)Schedule ?? new IntervalSchedule(Every ?? throw new InvalidOperationException($"backup job '{Name}' has neither schedule nor every"));
}

/// <summary>How a backup job encrypts (age v1): to recipients or with a passphrase; <paramref name="Armor"/> writes the
/// artifact in age's ASCII armor, text that survives mail and copy-paste.</summary>
public sealed record EncryptSettings(IReadOnlyList<string> Recipients, string? PassphraseEnv, string? Identity, bool Armor);

public sealed record KeepPolicy(int? Last, int? Hourly, int? Daily, int? Weekly, int? Monthly, int? Yearly, TimeSpan? Within);

public sealed record VerifySettings(CronSchedule? Schedule, string? RestoreInto);

public sealed record MonitoringSection(
    HostMonitor? Host, IReadOnlyList<Check> Checks, IReadOnlyList<LogRetentionRule> Logs, IReadOnlyList<MaintenanceWindow> Maintenance,
    HistoryRetention History, RdapSettings Rdap, string? Resolver);

/// <summary>Where <c>[DOMAIN_EXPIRATION]</c> is looked up: IANA's RDAP bootstrap file names each top-level domain's RDAP
/// server; a domain's answer is kept for <paramref name="Cache"/>.</summary>
public sealed record RdapSettings(string Bootstrap, TimeSpan Cache);

public sealed record HostMonitor(
    TimeSpan Every, TimeSpan Summary, Threshold? Cpu, Threshold? Memory, Threshold? Swap, string? Load, IReadOnlyDictionary<string, Threshold> Disk,
    Alert? Alert);

/// <summary>A recurring time when alerts are silenced: from each occurrence of <paramref name="Schedule"/> for <paramref name="Duration"/>.</summary>
public sealed record MaintenanceWindow(string Name, CronSchedule Schedule, TimeSpan Duration, IReadOnlyList<string> Checks);

/// <summary>How long check results are kept: raw, then as hourly aggregates, then as daily ones.</summary>
public sealed record HistoryRetention(TimeSpan Raw, TimeSpan Hourly, TimeSpan Daily);

public sealed record Heartbeat(TimeSpan Every, TimeSpan Grace, string? Token);

public sealed record Alert(int After, int RecoverAfter, TimeSpan? RemindEvery, IReadOnlyList<string> Notify, string? Runbook);

public sealed record LogRetentionRule(
    string Path, TimeSpan? Keep, long? MaxSize, TimeSpan? RotateEvery, int? Count, long? TotalSize, Compression Compress, bool DelayCompress,
    bool CopyTruncate, bool MissingOk, string? PostRotate, TimeSpan PostRotateTimeout);

public sealed record UpdateSection(
    CronSchedule? Schedule, string Root, IReadOnlyList<string> Manifests, UpdatePolicy Policy, string? Test, TimeSpan TestTimeout,
    bool OsPackages, FailOn FailOn, TimeSpan AdvisoriesMaxAge, IReadOnlyList<Suppression> Suppress, int Concurrency,
    ReviewTiming Review = ReviewTiming.After);

/// <summary>An advisory the team has looked at and accepted for a while: it stops counting until it expires, and every
/// use is logged.</summary>
/// <param name="Advisory">The advisory's id or one of its aliases (GHSA-…, CVE-…, PYSEC-…).</param>
/// <param name="Package">Only for this package; every package the advisory names when absent.</param>
/// <param name="Reason">Why it is accepted.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Expires">The first day it no longer suppresses.</param>
public sealed record Suppression(string Advisory, string? Package, string Reason, string Owner, DateOnly Expires);

public sealed record UpdatePolicy(UpdateAction Security, UpdateAction Patch, UpdateAction Minor, UpdateAction Major);

public sealed record NotifyChannel(
    string? Webhook, WebhookFormat Format, string? ChatId, string? Email, string? Smtp, string? From, TlsMode Tls, string? CaFile);

/// <summary>The plan's <c>migration:</c> section, carried out by <c>jaga migrate run</c>.</summary>
/// <param name="From">The starter kit's database.</param>
/// <param name="To">The production database.</param>
/// <param name="EnvFile">The env file to update after the import; <c>.env.production</c> when absent.</param>
/// <param name="Test">The command that runs the integration tests; none when absent.</param>
/// <param name="Tables">The tables to move; all when empty.</param>
/// <param name="Env">Keys <c>jaga migrate run</c> sets in <paramref name="EnvFile"/> after the import (its third step).</param>
/// <param name="Out">The folder under which each run writes its export and receipt, one subfolder per run.</param>
/// <param name="TestTimeout">How long the <paramref name="Test"/> command may take before it is stopped and counted failed.</param>
public sealed record MigrationSection(
    string From, string To, string? EnvFile, string? Test, IReadOnlyList<string> Tables, IReadOnlyDictionary<string, string> Env, string Out,
    TimeSpan TestTimeout);

/// <summary>The secrets scan (<c>jaga secrets scan</c>): what it lets pass, its rule file and its size limit.</summary>
/// <param name="Allow">Files and secrets that pass.</param>
/// <param name="Config">A gitleaks-format rule file used instead of Jaga's own rules when <c>--config</c> is not given.</param>
/// <param name="MaxFileSize">Files larger than this are skipped and reported as skipped.</param>
public sealed record SecretsSection(SecretsAllowSection Allow, string? Config, long MaxFileSize);

/// <param name="Paths">Globs, read as a <c>.gitignore</c>, of files the scan leaves out.</param>
/// <param name="Regexes">Regular expressions (RE2 syntax, as gitleaks') of secrets that pass: a published test key, a
/// placeholder the team uses.</param>
public sealed record SecretsAllowSection(IReadOnlyList<string> Paths, IReadOnlyList<string> Regexes);
