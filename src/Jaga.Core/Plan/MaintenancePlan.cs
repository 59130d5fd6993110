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
    AuditSettings Audit);

public sealed record LogSettings(string File, LogRotation? Rotate);

/// <summary>How the maintenance log itself is rotated: the limits of a <see cref="LogRetentionRule"/> without the
/// glob and the options that make no sense for a file Jaga writes itself (copy_truncate, post_rotate).</summary>
public sealed record LogRotation(
    long? MaxSize, TimeSpan? RotateEvery, int? Count, TimeSpan? Keep, long? TotalSize, string Compress, bool DelayCompress);

public sealed record SchedulerSettings(int Concurrency, TimeSpan Lease, TimeSpan ShutdownTimeout);

public sealed record AuditSettings(string Key, string PublicKey, CronSchedule? Checkpoint, string? Anchors);

public sealed record Destination(
    string? Path, string? S3, string? Endpoint, string? Region, bool? PathStyle, string? AccessKey, string? SecretKey,
    string? Sftp, string? KeyFile, string? Password, string? KnownHosts, string? Fingerprint)
{
    public string Kind => Path is not null ? "local" : S3 is not null ? "s3" : "sftp";
    public string Where => Path ?? S3 ?? Sftp ?? "";
}

public sealed record BackupJob(
    string Name, BackupSource Source, CronSchedule? Schedule, TimeSpan? Every, string CatchUp, IReadOnlyList<string> To, string File,
    string Compress, string Format, EncryptSettings? Encrypt, KeepPolicy? Keep, VerifySettings? Verify, TimeSpan Timeout)
{
    /// <summary>The job's schedule: its cron expression, or its fixed interval.</summary>
    public ISchedule When => (ISchedule?)Schedule ?? new IntervalSchedule(Every ?? throw new InvalidOperationException($"backup job '{Name}' has neither schedule nor every"));

    public CatchUp CatchUpPolicy => CatchUp == "skip" ? Scheduling.CatchUp.Skip : Scheduling.CatchUp.Once;
}

public sealed record BackupSource(string? Postgres, string? Sqlite, string? Mysql, IReadOnlyList<string>? Files, IReadOnlyList<string> Exclude)
{
    public string Kind => Postgres is not null ? "postgres" : Sqlite is not null ? "sqlite" : Mysql is not null ? "mysql" : "files";
}

public sealed record EncryptSettings(IReadOnlyList<string> Recipients, string? PassphraseEnv, string? Identity);

public sealed record KeepPolicy(int? Last, int? Hourly, int? Daily, int? Weekly, int? Monthly, int? Yearly, TimeSpan? Within);

public sealed record VerifySettings(CronSchedule? Schedule, string? RestoreInto);

public sealed record MonitoringSection(
    HostMonitor? Host, IReadOnlyList<Check> Checks, IReadOnlyList<LogRetentionRule> Logs, IReadOnlyList<MaintenanceWindow> Maintenance,
    HistoryRetention History);

public sealed record HostMonitor(
    TimeSpan Every, TimeSpan Summary, Threshold? Cpu, Threshold? Memory, Threshold? Swap, string? Load, IReadOnlyDictionary<string, Threshold> Disk,
    Alert? Alert);

/// <summary>A recurring time when alerts are silenced: from each occurrence of <paramref name="Schedule"/> for <paramref name="Duration"/>.</summary>
public sealed record MaintenanceWindow(string Name, CronSchedule Schedule, TimeSpan Duration, IReadOnlyList<string> Checks);

/// <summary>How long check results are kept: raw, then as hourly aggregates, then as daily ones.</summary>
public sealed record HistoryRetention(TimeSpan Raw, TimeSpan Hourly, TimeSpan Daily);

public sealed record Check(
    string Name, string? Http, string? Tcp, string? Tls, string? Postgres, string? Sqlite, string? Mysql, string? Process,
    string? Command, string? Backup, Heartbeat? Heartbeat, string? Method, IReadOnlyDictionary<string, string> Headers, string? Body,
    string? Query, bool FollowRedirects, bool Insecure, TimeSpan MaxAge, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect,
    IReadOnlyList<string> DependsOn, Alert? Alert)
{
    /// <summary>The kind of check: the key that names its target (<c>http</c>, <c>tcp</c>, …).</summary>
    public string Kind =>
        Http is not null ? "http" : Tcp is not null ? "tcp" : Tls is not null ? "tls" : Postgres is not null ? "postgres"
        : Sqlite is not null ? "sqlite" : Mysql is not null ? "mysql" : Process is not null ? "process" : Command is not null ? "command"
        : Backup is not null ? "backup" : "heartbeat";
}

public sealed record Heartbeat(TimeSpan Every, TimeSpan Grace, string? Token);

public sealed record Alert(int After, int RecoverAfter, TimeSpan? RemindEvery, IReadOnlyList<string> Notify, string? Runbook);

public sealed record LogRetentionRule(
    string Path, TimeSpan? Keep, long? MaxSize, TimeSpan? RotateEvery, int? Count, long? TotalSize, string Compress, bool DelayCompress,
    bool CopyTruncate, bool MissingOk, string? PostRotate, TimeSpan PostRotateTimeout);

public sealed record UpdateSection(CronSchedule? Schedule, IReadOnlyList<string> Manifests, UpdatePolicy Policy, string? Test, bool OsPackages);

public sealed record UpdatePolicy(string Security, string Patch, string Minor, string Major);

public sealed record EmergencySection(IReadOnlyList<Runbook> Runbooks);

public sealed record Runbook(string Name, string? Description, RunbookTrigger? On, IReadOnlyList<RunbookStep> Steps);

public sealed record RunbookTrigger(string Check, TimeSpan? FailingFor);

public sealed record RunbookStep(string? Run, WaitFor? WaitFor, string? Notify, string? Approve, RestoreStep? Restore, TimeSpan? Timeout);

public sealed record WaitFor(string Check, TimeSpan Timeout);

public sealed record RestoreStep(string Backup, string Into);

public sealed record NotifyChannel(
    string? Webhook, string Format, string? ChatId, string? Email, string? Smtp, string? From, string Tls, string? CaFile);

public sealed record MigrationSection(string From, string To, string? EnvFile, string? Test, IReadOnlyList<string> Tables);
