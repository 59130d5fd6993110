namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's monitoring page (English).</summary>
internal static class MonitoringPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.monitoring.title"] = "Monitoring",
        ["web.monitoring.pages"] = "Pages of checks",
        ["web.monitoring.previous"] = "Previous page",
        ["web.monitoring.next"] = "Next page",
        ["web.monitoring.pageof"] = "Page {0} of {1}",
        ["web.monitoring.page.invalid"] = "p: '{0}' is not a page number; give a whole number from 1, or leave p out for the first page.",
        ["web.monitoring.summary"] = "{0} checks: {1} up, {2} down, {3} not checked yet",
        ["web.monitoring.none"] = "The plan has no checks.",
        ["web.monitoring.state.up"] = "Up",
        ["web.monitoring.state.down"] = "Down",
        ["web.monitoring.state.unknown"] = "Not checked yet",
        ["web.monitoring.since"] = "since {0}",
        ["web.monitoring.kind"] = "Kind",
        ["web.monitoring.uptime"] = "Uptime 24 h / 7 d / 30 d",
        ["web.monitoring.p95"] = "p95 response time (24 h)",
        ["web.monitoring.failed"] = "Condition that failed",
        ["web.monitoring.latest"] = "Latest result",
        ["web.monitoring.bars"] = "Uptime, last 90 days",
        ["web.monitoring.response"] = "Response time of {0}, last 24 hours",
        ["web.monitoring.responsehead"] = "Response time, last 24 hours",
        ["web.monitoring.host"] = "Host {0}",
        ["web.monitoring.sampled"] = "Sampled at {0}.",
        ["web.monitoring.notsampled"] = "Not sampled yet on this node.",
        ["web.monitoring.load"] = "Load (1, 5, 15 min)",
        ["web.monitoring.cpu"] = "CPU",
        ["web.monitoring.memory"] = "Memory",
        ["web.monitoring.swap"] = "Swap",
        ["web.monitoring.disk"] = "Disk {0}",
        ["web.status.title"] = "Status",
        ["web.status.up"] = "All checks are up.",
        ["web.status.down"] = "{0} of {1} checks are down.",
        ["web.status.none"] = "Nothing is monitored here yet.",
    };
}
