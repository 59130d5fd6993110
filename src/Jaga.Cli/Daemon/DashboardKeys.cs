using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Cli.Daemon;

/// <summary>Where the dashboard's Data Protection keys live: beside the state (the SQLite file's folder, or <c>.jaga/</c>
/// beside the plan for PostgreSQL), the same folder as the advisory database.</summary>
internal static class DashboardKeys
{
    public const string FolderName = "dashboard-keys";

    public static string Folder(LoadedPlan plan) =>
        Path.Combine(Path.GetDirectoryName(AdvisoryDatabasePath.For(plan)) ?? plan.Directory, FolderName);
}
