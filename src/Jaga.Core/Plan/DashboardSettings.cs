namespace Jaga.Core.Plan;

/// <summary>The dashboard <c>jaga run</c> serves on <c>listen:</c>.</summary>
/// <param name="Metrics"><c>public</c>: <c>/metrics</c> answers anyone who reaches <c>listen:</c>; <c>token</c>: only a
/// request with an API token (<c>Authorization: Bearer</c>, <c>jaga token create</c>) or a signed-in user.</param>
/// <param name="StatusPage">True: <c>/status</c> shows each check's name, state and uptime bars to anyone, without a
/// sign-in; false (the default): <c>/status</c> is 404 to anyone not signed in.</param>
public sealed record DashboardSettings(string Metrics, bool StatusPage)
{
    public bool MetricsNeedToken => Metrics == "token";
}
