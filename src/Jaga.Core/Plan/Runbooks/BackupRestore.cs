namespace Jaga.Core.Plan;

/// <summary>Which backup a <c>restore</c> step restores (<paramref name="From"/>: <c>latest</c>, <c>latest_verified</c> or a
/// backup id) of which job, into what (a SQLite file, a database URL, a folder).</summary>
public sealed record BackupRestore(string Backup, string From, string Into)
{
    /// <summary>The newest complete backup.</summary>
    public const string Latest = "latest";

    /// <summary>The newest backup whose last verification passed.</summary>
    public const string LatestVerified = "latest_verified";
}
