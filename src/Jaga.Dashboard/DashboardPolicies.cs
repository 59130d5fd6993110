namespace Jaga.Dashboard;

/// <summary>The authorization policies of the dashboard, one per role; each admits the roles above it too.</summary>
public static class DashboardPolicies
{
    public const string Viewer = "jaga.viewer";
    public const string Operator = "jaga.operator";
    public const string Admin = "jaga.admin";
}
