using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary><c>jaga audit verify</c> as the plan sets it up, shared by the command and the dashboard's "verify chain": the
/// plan's public key unless another is given, this node's log file unless another is given (with its writers held off while
/// the head and the file are read together), and the outcome recorded in the log and the chain with who asked.</summary>
public static class PlanVerification
{
    /// <param name="plan">The running plan.</param>
    /// <param name="journal">Its journal: the store, this node, its log file.</param>
    /// <param name="keyPath">A public key file other than the plan's <c>audit.public_key</c>.</param>
    /// <param name="anchor">A checkpoint kept elsewhere, if given.</param>
    /// <param name="logPath">A log file other than this node's (a copy of another node's).</param>
    /// <param name="node">Whose log <paramref name="logPath"/> is; default this node.</param>
    /// <param name="record">Whether to record the outcome (one log line and one audit entry).</param>
    /// <param name="by">Who asked, as the recorded entry's actor (default the journal's).</param>
    /// <param name="ct">Cancels the verification.</param>
    public static async Task<AuditReport> RunAsync(LoadedPlan plan, MaintenanceJournal journal, string? keyPath = null, Checkpoint? anchor = null,
        string? logPath = null, string? node = null, bool record = true, string? by = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var publicKey = AuditKeys.LoadPublic(plan, keyPath);
        var log = logPath ?? journal.LogPath;
        // Only this node's own log has writers here to hold off.
        var report = await AuditVerifier.VerifyAsync(journal.Store, log, publicKey, anchor,
            hold: log == journal.LogPath ? journal.HoldAsync : null, node: node ?? journal.Node, ct: ct);
        if (record) await AuditReportJournal.RecordAsync(journal, report, by, ct);
        return report;
    }
}
