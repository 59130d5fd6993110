using Jaga.Core.Ports;

namespace Jaga.Sqlite.Backup;

/// <summary>A throw-away database file for <c>backup verify --restore</c>: restored into (which runs SQLite's integrity
/// check), counted, and deleted on dispose.</summary>
public sealed class SqliteScratchFile : IAsyncDisposable
{
    private SqliteScratchFile(string path)
    {
        Path = path;
        Target = new SqliteRestoreTarget(path);
    }

    /// <summary>Where the scratch file is (it does not exist until restored into).</summary>
    public string Path { get; }

    /// <summary>Restores into the scratch file; a copy that fails the integrity check throws <see cref="BackupSourceException"/>.</summary>
    public IRestoreTarget Target { get; }

    /// <summary>A scratch file in <paramref name="directory"/> (default: the system's temp folder).</summary>
    public static SqliteScratchFile Create(string? directory = null)
    {
        var dir = directory ?? System.IO.Path.GetTempPath();
        Directory.CreateDirectory(dir);
        return new SqliteScratchFile(System.IO.Path.Combine(dir, $"jaga-verify-{Guid.NewGuid():N}.db"));
    }

    public ValueTask DisposeAsync()
    {
        SqliteTables.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
