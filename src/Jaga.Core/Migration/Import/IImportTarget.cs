namespace Jaga.Core.Migration.Import;

/// <summary>The database an export is imported into (PostgreSQL): which URLs it serves, and a session on one of them.</summary>
public interface IImportTarget
{
    /// <summary>True when <paramref name="url"/> names a database this target serves (<c>postgres://…</c>).</summary>
    bool Serves(string url);

    /// <summary><paramref name="url"/> as it may be shown: its password masked. Throws <see cref="FormatException"/> for a
    /// URL that cannot be read, with a message that never quotes it.</summary>
    string Describe(string url);

    /// <summary>Connects to <paramref name="url"/>; the session owns one connection until disposed.</summary>
    Task<IImportSession> OpenAsync(string url, CancellationToken ct);
}
