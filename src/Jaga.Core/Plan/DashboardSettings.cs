namespace Jaga.Core.Plan;

/// <summary>The dashboard <c>jaga run</c> serves on <c>listen:</c>.</summary>
/// <param name="Metrics"><c>public</c>: <c>/metrics</c> answers anyone who reaches <c>listen:</c>; <c>token</c>: only a
/// request with an API token (<c>Authorization: Bearer</c>, <c>jaga token create</c>) or a signed-in user.</param>
public sealed record DashboardSettings(string Metrics)
{
    public bool MetricsNeedToken => Metrics == "token";
}
