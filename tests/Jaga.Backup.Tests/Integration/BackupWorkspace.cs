using Jaga.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A temporary project folder with a plan and a .env, and a way to run <c>jaga</c> in it in-process on a fake
/// clock (2025-11-15 02:00 in Asia/Jakarta). Everything each run printed is kept, for the secrets checks.</summary>
public sealed class BackupWorkspace : IDisposable
{
    private readonly List<JagaRun> runs = [];

    public BackupWorkspace(string plan, string env, string? dir = null)
    {
        Dir = dir ?? Path.Combine(Path.GetTempPath(), "jaga-backup-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        if (plan.Length > 0) File.WriteAllText(PlanPath, plan);
        if (env.Length > 0) File.WriteAllText(Path.Combine(Dir, ".env"), env);
    }

    public string Dir { get; }

    public string PlanPath => Path.Combine(Dir, "jaga.yaml");

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    public string StatePath => Path.Combine(Dir, ".jaga", "state.db");

    public string LocalBackups => Path.Combine(Dir, "backup");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    /// <summary>Everything every run printed, and the maintenance log: where no secret may appear.</summary>
    public string Everything => string.Join('\n', runs.Select(r => r.Out + "\n" + r.Err)) + "\n" + (File.Exists(LogPath) ? File.ReadAllText(LogPath) : "");

    public async Task<JagaRun> Jaga(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = ["--plan", PlanPath, .. args];
        var code = await Program.Run(all, new Output(all.Contains("--json"), stdout, stderr, terminal: false), Clock);
        var run = new JagaRun(code, stdout.ToString(), stderr.ToString());
        runs.Add(run);
        return run;
    }

    /// <summary>Runs <c>jaga</c> and fails the test, showing what it printed, unless it exits 0.</summary>
    public async Task<JagaRun> Ok(params string[] args)
    {
        var run = await Jaga(args);
        Assert.True(run.Code == 0, $"jaga {string.Join(' ', args)}: {run}");
        return run;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
