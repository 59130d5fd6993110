namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's log page (English).</summary>
internal static class LogPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.log.title"] = "Maintenance log",
        ["web.log.problem"] = "The filters were not applied:",
        ["web.log.level"] = "Level",
        ["web.log.level.atleast"] = "{0} and above",
        ["web.log.any"] = "Any",
        ["web.log.pillar"] = "Pillar",
        ["web.log.from"] = "From",
        ["web.log.until"] = "Until",
        ["web.log.time.hint"] = "From and until: a date and time in {0} such as 2026-12-07 09:00, or a duration back from now such as 24h or 7d.",
        ["web.log.text"] = "Text",
        ["web.log.text.hint"] = "Lines whose message contains this text (letters in either case).",
        ["web.log.apply"] = "Show",
        ["web.log.clear"] = "Clear the filters",
        ["web.log.level.invalid"] = "Level: '{0}' is not a level; choose INFO, WARN or ERROR",
        ["web.log.pillar.invalid"] = "Pillar: '{0}' is not a pillar; choose one of {1}",
        ["web.log.text.long"] = "Text: {0} characters is too long for a search; give at most {1}",
        ["web.log.seq.invalid"] = "The page's place '{0}' is not a sequence number of {1} or more; start again from the newest entries",
        ["web.log.pages"] = "Pages of the log",
        ["web.log.newer"] = "Newer entries",
        ["web.log.newest"] = "Newest entries",
        ["web.log.older"] = "Older entries",
        ["web.log.further"] = "Search further",
        ["web.log.window.down"] = "This page looked through {0} entries, down to #{1}, without filling up: the filters match few entries. Search further to go on below.",
        ["web.log.window.up"] = "This page looked through {0} entries, up to #{1}, without filling up: the filters match few entries. Search further to go on above.",
        ["web.log.none"] = "No entry here matches the filters.",
        ["web.log.empty"] = "The log is empty.",
        ["web.log.lines"] = "Log lines, newest first",
        ["web.log.chain"] = "Audit chain",
        ["web.log.chain.hint"] = "Verifying proves every entry of the chain and every line of this node's log file unchanged, as jaga audit verify does; the result is recorded in the log with your name.",
        ["web.log.chain.verify"] = "Verify chain",
        ["web.log.chain.operator"] = "An operator or an admin can verify the chain.",
        ["web.log.chain.never"] = "Not verified from the dashboard since it started.",
        ["web.log.chain.running"] = "Verifying since {0}, asked by {1}.",
        ["web.log.chain.reload"] = "Show the result",
        ["web.log.chain.intact"] = "Intact: {0} entries, head #{1} {2} (asked {3} by {4}).",
        ["web.log.chain.broken"] = "Broken (asked {0} by {1}):",
        ["web.log.chain.failed"] = "The verification could not finish: {0} (asked {1} by {2}).",
        ["web.log.chain.stopped"] = "it was stopped",
        ["dashboard.audit.joined"] = "{0} asked to verify the audit chain from the dashboard; the verification {1} started was still running, its result shows on the log page",
        ["dashboard.audit.failed"] = "{0} asked to verify the audit chain from the dashboard; it could not run: {1}",
    };
}
