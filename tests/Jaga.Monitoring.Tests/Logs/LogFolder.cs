using System.Diagnostics;
using Jaga.Core.Ledger;
using Jaga.Engine.Journal;
using Jaga.Engine.Logs;
using Jaga.Engine.Planning;
using Jaga.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Monitoring.Tests.Logs;

/// <summary>A temporary project with a plan whose <c>monitoring.logs</c> rules are given, a real SQLite state store and
/// journal, and real log files.</summary>
public sealed class LogFolder : IAsyncDisposable
{
    private readonly SqliteStateStore store;

    private LogFolder(string dir, SqliteStateStore store, MaintenanceJournal journal, IReadOnlyList<LogTarget> targets, FakeTimeProvider clock)
    {
        Dir = dir;
        this.store = store;
        Journal = journal;
        Targets = targets;
        Clock = clock;
    }

    public string Dir { get; }

    public MaintenanceJournal Journal { get; }

    public IReadOnlyList<LogTarget> Targets { get; }

    public FakeTimeProvider Clock { get; }

    public string Logs => Path.Combine(Dir, "logs");

    public static async Task<LogFolder> CreateAsync(string rules)
    {
        var dir = Directory.CreateTempSubdirectory("jaga-logs-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        var text = $"version: 1\nproject: logs\nlog: {{ file: journal/maintenance.log }}\nmonitoring:\n  logs:\n{rules}";
        var planPath = Path.Combine(dir, "jaga.yaml");
        await File.WriteAllTextAsync(planPath, text);
        var loaded = PlanFile.LoadText(text, planPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, ".jaga", "state.db"), clock);
        var journal = new MaintenanceJournal(store, loaded.Plan!, clock, "test") { Waits = TimeProvider.System };
        return new LogFolder(dir, store, journal, LogTargets.For(loaded.Plan!, journal), clock);
    }

    public string PathOf(string name) => Path.Combine(Logs, name);

    public void Write(string name, int bytes, char fill = 'x') => File.WriteAllText(PathOf(name), new string(fill, bytes - 1) + "\n");

    public async Task<LogPassReport> PassAsync(bool dryRun = false, int target = 0) =>
        await new LogRetentionPass(Journal, Clock, Dir).RunAsync(Targets[target], dryRun, CancellationToken.None);

    public string[] Files() => [.. Directory.EnumerateFiles(Logs).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public async Task<List<AuditEntry>> EntriesAsync()
    {
        var list = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync(1)) list.Add(e);
        return list;
    }

    public string[] JournalLines() => File.Exists(Journal.LogPath) ? File.ReadAllLines(Journal.LogPath) : [];

    /// <summary>Decompresses with the real CLI tool, as an operator would.</summary>
    public static string Tool(string tool, string file)
    {
        using var p = Process.Start(new ProcessStartInfo(tool) { ArgumentList = { "-dc", file }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} -dc {file}: {p.StandardError.ReadToEnd()}");
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }
}
