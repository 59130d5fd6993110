namespace Jaga.Core.Ports;

/// <summary>What a dashboard user or an API token may do; each role can do what the ones before it can.</summary>
public enum DashboardRole
{
    /// <summary>Reads every page and <c>/api</c> listing.</summary>
    Viewer,

    /// <summary>Also starts actions: a backup now, a verify, a runbook step's approval.</summary>
    Operator,

    /// <summary>Also manages users and tokens.</summary>
    Admin,
}
