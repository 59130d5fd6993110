using System.Security.Cryptography;
using Jaga.Core.Ledger;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.Updates.Apply;
using Jaga.Sqlite;

namespace Jaga.Updates.Tests.Apply;

/// <summary>A temporary project folder to apply updates in, beside a plan with a real SQLite store and maintenance journal
/// (outside the project, so the project's tree holds only the project's files and Jaga's rollback records).</summary>
public sealed class UpdateWorkspace : IAsyncDisposable
{
    private readonly SqliteStateStore store;

    private UpdateWorkspace(string dir, SqliteStateStore store, MaintenanceJournal journal)
    {
        Dir = dir;
        this.store = store;
        Journal = journal;
    }

    public string Dir { get; }

    /// <summary>The project root.</summary>
    public string Root => Path.Combine(Dir, "project");

    public MaintenanceJournal Journal { get; }

    public static async Task<UpdateWorkspace> CreateAsync(string language = "en", string? secret = null, string sections = "")
    {
        var dir = Directory.CreateTempSubdirectory("jaga-apply-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "project"));
        var planDir = Path.Combine(dir, "plan");
        Directory.CreateDirectory(planDir);
        var env = secret is null ? "" : "env_files: [secrets.env]\n";
        if (secret is not null) await File.WriteAllTextAsync(Path.Combine(planDir, "secrets.env"), $"API_TOKEN={secret}\n");
        var text = $"version: 1\nproject: apply\nlanguage: {language}\n{env}log: {{ file: journal/maintenance.log }}\n{sections}";
        var planPath = Path.Combine(planDir, "jaga.yaml");
        await File.WriteAllTextAsync(planPath, text);
        var loaded = PlanFile.Load(planPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var store = await SqliteStateStore.OpenAsync(Path.Combine(planDir, ".jaga", "state.db"), TimeProvider.System);
        var journal = new MaintenanceJournal(store, loaded.Plan!, TimeProvider.System, "test") { Waits = TimeProvider.System };
        return new UpdateWorkspace(dir, store, journal);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>An update of the dependency <paramref name="name"/> declared in <paramref name="manifest"/> on the line
    /// holding <paramref name="lineText"/>.</summary>
    public PlannedUpdate Update(Ecosystem ecosystem, string manifest, string name, string lineText, string from, string to, UpdateKind kind = UpdateKind.Patch)
    {
        var lines = Read(manifest).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(lineText, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"{manifest} has no line with {lineText}");
        var dependency = new Dependency(ecosystem, name, from, from, new ManifestLocation(manifest, line), DependencyScope.Runtime);
        return new PlannedUpdate(dependency, from, to, kind, Security: false);
    }

    public UpdateApplier Applier(IReadOnlyDictionary<string, string>? env = null) =>
        new(Journal, TimeProvider.System) { Environment = env ?? new Dictionary<string, string>(StringComparer.Ordinal) };

    /// <summary>SHA-256 of every file of the project, by relative path, build output (bin/, obj/) left out.</summary>
    public SortedDictionary<string, string> Tree()
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            tree[relative] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return tree;
    }

    /// <summary>The maintenance log's messages, the time stamp left out: <c>[INFO] Update dependency: numpy==1.26.0</c>.</summary>
    public string[] Lines() => File.Exists(Journal.LogPath)
        ? [.. File.ReadAllLines(Journal.LogPath).Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..])]
        : [];

    public async Task<List<AuditEntry>> EntriesAsync()
    {
        var list = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync(1)) list.Add(e);
        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Jaga.Testing.FixtureFolders.TryDelete(Dir);
    }
}
