using System.Globalization;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Daemon.Tests;

/// <summary>A temporary project folder for <c>jaga run</c> as a real child process: a plan with SQLite state
/// (<c>.jaga/state.db</c>), a local destination <c>backup/</c>, a maintenance log and <c>listen:</c> on a free loopback
/// port. It reads the state store directly, asks the daemon over HTTP and runs the CLI as another process. Disposing
/// kills every daemon it started and deletes the folder.</summary>
internal sealed class DaemonProject : IDisposable
{
    private readonly List<RunningJaga> started = [];

    public DaemonProject()
    {
        Dir = Directory.CreateTempSubdirectory("jaga-daemon-").FullName;
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "hello.txt"), "hello\n");
        Port = Loopback.FreePort();
    }

    public string Dir { get; }

    public string PlanPath => Path.Combine(Dir, "jaga.yaml");

    public string Data => Path.Combine(Dir, "data");

    public string Local => Path.Combine(Dir, "backup");

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    public string StatePath => Path.Combine(Dir, ".jaga", "state.db");

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The plan's head, then <paramref name="body"/> (top-level YAML: <c>backup:</c>, <c>monitoring:</c>…).</summary>
    public static string Plan(int port, string body) => $$"""
        version: 1
        project: daemon
        timezone: UTC
        language: en
        state: .jaga/state.db
        listen: 127.0.0.1:{{port}}
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        {{body}}

        """;

    public void WritePlan(string body) => File.WriteAllText(PlanPath, Plan(Port, body));

    /// <summary>Starts <c>jaga run</c> and waits until <c>/healthz</c> answers.</summary>
    public async Task<RunningJaga> StartAsync(string? planPath = null)
    {
        var daemon = new RunningJaga(planPath ?? PlanPath, Dir, ["run"]);
        started.Add(daemon);
        await Poll.UntilAsync(async () => daemon.HasExited || await StatusAsync("/healthz") == 200, TimeSpan.FromSeconds(60), () => "the daemon did not answer /healthz:\n" + daemon.Output);
        Assert.False(daemon.HasExited, "the daemon exited at start:\n" + daemon.Output);
        return daemon;
    }

    /// <summary>The HTTP status of a GET, or 0 when nothing answers.</summary>
    public async Task<int> StatusAsync(string path) => (await GetAsync(path)).Status;

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        try
        {
            using var response = await Http.GetAsync(Url + path);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.Message);
        }
    }

    /// <summary>Runs <c>jaga --plan PLAN ARGS</c> as a separate process, as a user in a shell would.</summary>
    public Task<ChildProcess.Result> JagaAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", PlanPath, .. args], TimeSpan.FromSeconds(120), Dir);

    /// <summary>Every run of <paramref name="job"/> in <c>job_runs</c>, oldest first.</summary>
    public IReadOnlyList<RunRow> Runs(string job) => Query(
        "SELECT outcome, claimed_at_ms, finished_at_ms, detail FROM job_runs WHERE job = $p ORDER BY occurrence_ms, attempt",
        r => new RunRow(job, r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? "" : r.GetString(3)), job);

    /// <summary>The pings of a heartbeat check: kind, exit code and how they came.</summary>
    public IReadOnlyList<(string Kind, long? Code, string Via)> Pings(string check) => Query(
        "SELECT kind, exit_code, via FROM pings WHERE check_name = $p ORDER BY id",
        r => (r.GetString(0), r.IsDBNull(1) ? (long?)null : r.GetInt64(1), r.GetString(2)), check);

    /// <summary>The audit chain's entries of one kind: their data (JSON) and message.</summary>
    public IReadOnlyList<(string Data, string Message)> Audit(string kind) => Query(
        "SELECT data, message FROM audit WHERE kind = $p ORDER BY seq", r => (r.GetString(0), r.GetString(1)), kind);

    /// <summary>The backup catalog: each record's job, status and artifact.</summary>
    /// <summary>When each stored result of <paramref name="check"/> was taken (Unix ms), oldest first.</summary>
    public IReadOnlyList<long> CheckResultTimes(string check) => Query(
        "SELECT at_ms FROM check_results WHERE check_name = $p ORDER BY at_ms", r => r.GetInt64(0), check);

    public IReadOnlyList<(string Job, string Status, string Artifact)> Backups() => Query(
        "SELECT job, status, artifact FROM backups ORDER BY started_at_ms", r => (r.GetString(0), r.GetString(1), r.GetString(2)), "");

    /// <summary>Every runbook run in the store: id, runbook, trigger, incident and status, oldest first.</summary>
    public IReadOnlyList<(string Id, string Runbook, string Trigger, long? Incident, string Status)> RunbookRuns() => Query(
        "SELECT id, runbook, run_trigger, incident_id, status FROM runbook_runs WHERE $p = $p ORDER BY started_at_ms",
        r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? (long?)null : r.GetInt64(3), r.GetString(4)), "");

    /// <summary>The step attempts of one run: index (0-based), attempt, name and outcome (null while it runs).</summary>
    public IReadOnlyList<(int Index, int Attempt, string Name, string? Outcome)> RunbookSteps(string run) => Query(
        "SELECT step_index, attempt, name, outcome FROM runbook_steps WHERE run_id = $p ORDER BY step_index, attempt",
        r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), run);

    public string[] LogLines() => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>Files of the local destination that are not hidden temporaries.</summary>
    public string[] VisibleArtifacts() => Directory.Exists(Local)
        ? [.. Directory.GetFiles(Local).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)]
        : [];

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, string parameter)
    {
        if (!File.Exists(StatePath)) return [];
        // Unpooled, so no handle outlives the query and the folder can be deleted; the daemon writes with WAL, so reading
        // alongside it is safe.
        var cs = new SqliteConnectionStringBuilder { DataSource = StatePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
        using var c = new SqliteConnection(cs.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$p", parameter);
        try
        {
            using var r = cmd.ExecuteReader();
            var rows = new List<T>();
            while (r.Read()) rows.Add(read(r));
            return rows;
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // The daemon has not created its schema yet.
            return [];
        }
    }

    public void Dispose()
    {
        foreach (var d in started) d.Dispose();
        Http.Dispose();
        FixtureFolders.TryDelete(Dir);
    }

    public static string Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
