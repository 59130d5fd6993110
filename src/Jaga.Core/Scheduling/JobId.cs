namespace Jaga.Core.Scheduling;

/// <summary>A scheduled job's identity: its kind, and its text as the store keys its claims and runs (<c>backup:db</c>).
/// Made only by the factory for its kind, so the text of each kind is written in one place.</summary>
public readonly record struct JobId
{
    private JobId(JobKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public JobKind Kind { get; }

    /// <summary>Unique and stable across reloads and nodes: the key of the job's claims in the state store.</summary>
    public string Text { get; }

    public static JobId Backup(string job) => new(JobKind.Backup, "backup:" + job);

    public static JobId Verify(string job) => new(JobKind.Verify, "verify:" + job);

    /// <summary>A scheduled restore drill of a backup job.</summary>
    public static JobId Drill(string job) => new(JobKind.Drill, "drill:" + job);

    /// <summary>The scheduled run of the update pillar (<c>update.schedule</c>).</summary>
    public static JobId Update { get; } = new(JobKind.Update, "update:scheduled");

    /// <summary>The offline re-audit that applies <c>security: immediate</c> fixes when new advisory data arrives.</summary>
    public static JobId SecurityWatch { get; } = new(JobKind.SecurityWatch, "update:security");

    public static JobId Checkpoint { get; } = new(JobKind.Checkpoint, "audit:checkpoint");

    public static JobId Check(string check) => new(JobKind.Check, "check:" + check);

    /// <summary>A machine's host monitor: every node watches its own host.</summary>
    public static JobId Host(string machine) => new(JobKind.Host, "host:" + machine);

    /// <summary>A machine's log retention: log files are the machine's own.</summary>
    public static JobId Logs(string machine) => new(JobKind.Logs, "logs:" + machine);

    public static JobId History { get; } = new(JobKind.History, "monitor:history");

    public static JobId Other(string text) => new(JobKind.Other, text);

    public override string ToString() => Text;

    public static implicit operator string(JobId id) => id.Text;
}
