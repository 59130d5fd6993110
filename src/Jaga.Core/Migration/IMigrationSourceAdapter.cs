namespace Jaga.Core.Migration;

/// <summary>Opens the databases of one technology for <c>jaga migrate export</c> and <c>verify</c>.</summary>
public interface IMigrationSourceAdapter
{
    /// <summary>Whether <paramref name="url"/> names a database of this technology (by its scheme).</summary>
    bool Serves(string url);

    /// <summary>Opens <paramref name="url"/> for reading. A URL that cannot be used (no such file, a bad port, a server
    /// that refuses) is a <see cref="Errors.UserException"/> whose message holds no password.</summary>
    Task<IMigrationSource> OpenAsync(string url, CancellationToken ct);
}
