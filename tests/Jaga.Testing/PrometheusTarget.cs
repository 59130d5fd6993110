namespace Jaga.Testing;

/// <summary>What a <see cref="PrometheusServer"/> says of its scrape target (<c>/api/v1/targets</c>): <c>up</c>,
/// <c>down</c> or <c>unknown</c> (not scraped yet), and the error of the last scrape ("" when it succeeded).</summary>
public sealed record PrometheusTarget(string ScrapeUrl, string Health, string LastError)
{
    public bool IsUp => Health == "up";
}
