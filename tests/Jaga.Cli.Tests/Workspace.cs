using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Cli.Tests;

/// <summary>A temporary project folder with a plan, and a way to run <c>jaga</c> in it in-process.</summary>
public sealed class Workspace : IDisposable
{
    public const string MinimalPlan = """
        version: 1
        project: toko
        timezone: Asia/Jakarta
        language: id
        log: { file: logs/maintenance.log }
        env_files: [.env]
        destinations:
          local: { path: backup/ }
        backup:
          - name: db
            source: { postgres: "${DATABASE_URL}" }
            schedule: "0 2 * * *"
            to: [local]
        """;

    public Workspace(string plan = MinimalPlan, string env = "DATABASE_URL=postgres://app:s3cr3t-pw@db.internal:5432/app\nAPI_TOKEN=tok-abcdef123456\n")
    {
        Dir = Path.Combine(Path.GetTempPath(), "jaga-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        File.WriteAllText(PlanPath, plan);
        File.WriteAllText(Path.Combine(Dir, ".env"), env);
    }

    public string Dir { get; }

    public string PlanPath => Path.Combine(Dir, "jaga.yaml");

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    public string StatePath => Path.Combine(Dir, ".jaga", "state.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    public Task<JagaResult> Jaga(params string[] args) => JagaWith(null, args);

    /// <summary>Runs <c>jaga</c> with <paramref name="extra"/> added as a command, as a test needs to make one fail.</summary>
    internal async Task<JagaResult> JagaWith(Func<CommandBuilder, System.CommandLine.Command>? extra, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var all = args.Contains("--plan") || args.Contains("init") ? args : ["--plan", PlanPath, .. args];
        var code = await Program.Run(all, new Output(all.Contains("--json"), stdout, stderr, terminal: false), Clock, extra);
        return new JagaResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs SQL against the state store directly, as an attacker with file access would.</summary>
    public void Tamper(string sql)
    {
        using var c = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
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

public sealed record JagaResult(int Code, string Out, string Err)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
