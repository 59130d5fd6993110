using Jaga.Core.Plan;

namespace Jaga.Core.Adapters;

/// <summary>What monitoring asks of one database technology: log in and run a query.</summary>
public interface IDatabaseAdapter
{
    DatabaseKind Kind { get; }

    /// <summary>Runs <paramref name="sql"/> on a fresh, unpooled connection to <paramref name="location"/> (a URL, or a
    /// file opened read-only) and returns its first value as text (null for no row or NULL).</summary>
    Task<string?> FirstValueAsync(string location, string sql, TimeSpan timeout, CancellationToken ct);

    /// <summary>The password in <paramref name="location"/>, so a driver's message can be cleaned of it; null when none.</summary>
    string? Password(string location);
}
