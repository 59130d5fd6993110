namespace Jaga.Core.Ports;

/// <summary>A change to record: what, who, when, and the audit entry that shows it.</summary>
/// <param name="Kind">What kind of significant change it is.</param>
/// <param name="Subject">What it is about, as a stable key (<c>runbook:restore-db</c>, <c>migration:RUN</c>).</param>
/// <param name="What">What changed, as the log line said it (masked).</param>
/// <param name="Author">Who made the change.</param>
/// <param name="At">When.</param>
/// <param name="Covers">The audit entry's sequence number.</param>
/// <param name="Applied">False for a change asked for and not yet carried out (<c>review: before</c>).</param>
/// <param name="Group">When not null, drafts with the same group are one change: a later one adds its audit entry to the
/// record the first one made (the lines of one migration run).</param>
public sealed record ChangeDraft(ChangeKind Kind, string Subject, string What, string Author, DateTimeOffset At, long Covers, bool Applied = true, string? Group = null);
