using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Sqlite;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Readiness.Tests;

/// <summary>A project in a temporary folder made a real git repository by the test (with the <c>git</c> command line), its
/// plan, and its SQLite state store and maintenance journal opened in the test's process. Deleted when disposed.</summary>
public sealed class ReadinessProject : IAsyncDisposable
{
    private readonly List<IStateStore> stores = [];

    public ReadinessProject()
    {
        Dir = Directory.CreateTempSubdirectory("jaga-readiness-").FullName;
    }

    public string Dir { get; }

    public string PlanPath => Path.Combine(Dir, "jaga.yaml");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A plan with the sections given (top-level YAML, unindented), after the common head.</summary>
    public static string Plan(string sections = "") => $"""
        version: 1
        project: toko
        timezone: UTC
        language: en
        log: {"{"} file: logs/maintenance.log {"}"}
        {sections}
        """;

    public async Task<string> GitAsync(params string[] args)
    {
        var r = await ChildProcess.RunAsync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", .. args],
            TimeSpan.FromSeconds(30), Dir);
        Assert.True(r.ExitCode == 0, $"git {string.Join(' ', args)}: {r.Output}");
        return r.Output;
    }

    public async Task InitGitAsync() => await GitAsync("init", "-q");

    public async Task CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", message);
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public LoadedPlan Load(string planText)
    {
        File.WriteAllText(PlanPath, planText);
        var loaded = PlanFile.Load(PlanPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        return loaded.Plan!;
    }

    public async Task<IStateStore> StoreAsync(LoadedPlan plan)
    {
        var store = await SqliteStateStore.OpenAsync(plan.Resolve(plan.Plan.State), Clock);
        stores.Add(store);
        return store;
    }

    public static MaintenanceJournal Journal(IStateStore store, LoadedPlan plan, TimeProvider clock, string actor = "budi") =>
        new(store, plan, clock, actor) { Waits = TimeProvider.System };

    /// <summary>The real <c>jaga</c> binary on this project's plan; its exit code and everything it printed.</summary>
    public async Task<(int Code, string Output)> JagaAsync(params string[] args)
    {
        using var jaga = new RunningJaga(PlanPath, Dir, args);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (jaga.ExitCode, jaga.Output);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in stores) await s.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }
}
