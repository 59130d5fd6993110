using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Secrets;

/// <summary>A secrets scan ended (<c>jaga secrets scan</c>): a WARN line when it found a secret. The line and the audit
/// entry's data name findings by file, line, rule and masked secret only.</summary>
/// <param name="Root">The folder scanned.</param>
/// <param name="History">True for the git history, false for the working tree.</param>
/// <param name="Rules">"jaga", or the gitleaks-format rule file.</param>
/// <param name="Files">Files (or a commit's file changes) read.</param>
/// <param name="Skipped">Files left unread (too large, binary, not regular, unreadable).</param>
/// <param name="Findings">Secrets found.</param>
public sealed record SecretsScanned(string Root, bool History, string Rules, int Files, int Skipped, int Findings)
    : JournalEvent("secrets.scan", "secrets.scanned", Findings > 0 ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments =>
        [Root, new Phrase(History ? "word.secrets.scope.history" : "word.secrets.scope.tree", []), Rules, Files, Skipped, Findings];
}
