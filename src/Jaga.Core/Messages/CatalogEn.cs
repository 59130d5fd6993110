namespace Jaga.Core.Messages;

internal static class CatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["plan.loaded"] = "Plan loaded: {0} (sha256 {1})",
        ["plan.rendered"] = "Maintenance plan rendered: {0}",
        ["plan.valid"] = "{0} is valid: {1}",
        ["plan.invalid"] = "{0}: {1} problem(s) found",
        ["init.written"] = "Plan written: {0}",
        ["init.exists"] = "{0} already exists; use --force to overwrite it",
        ["audit.key.created"] = "Audit signing key created: {0} (key id {1})",
        ["audit.checkpoint"] = "Audit checkpoint signed: #{0} {1} (key id {2})",
        ["audit.checkpoint.exported"] = "Audit checkpoint exported: {0}",
        ["audit.verified"] = "Audit chain verified: {0} entries intact, head #{1} {2}",
        ["audit.verify.failed"] = "Audit chain verification FAILED: {0}",
        ["audit.anchor.ok"] = "Anchor checkpoint #{0} matches the chain",
        ["audit.log.ok"] = "Log file {0} matches the chain ({1} lines)",
        ["log.empty"] = "The maintenance log is empty.",
        ["run.once.done"] = "Run finished: {0} job(s) ran, {1} failed",
        ["backup.done"] = "Database backup finished: {0}",
        ["update.dependency"] = "Update dependency: {0}",
        ["monitor.host"] = "Monitoring: CPU usage {0}, RAM usage {1}%",
        ["word.normal"] = "normal",
        ["word.high"] = "high",
    };
}
