using System.Globalization;
using System.Net;
using Jaga.Testing;
using Npgsql;

namespace Jaga.Daemon.Tests;

/// <summary>A temp project folder whose nodes share one PostgreSQL state store, one <c>data/</c> source, one <c>backup/</c>
/// destination. Each node has its own plan file (<c>node1.yaml</c>, …) that differs only in <c>listen:</c>, its name
/// (<c>scheduler.node</c>) and its maintenance log (<c>logs/node1.log</c>, …), as on separate machines, and runs as a real
/// <c>jaga run</c> process; disposing kills every node still running.</summary>
internal sealed class MultiNodeWorkspace : IDisposable
{
    public const string Job = "files";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<(RunningJaga Process, int Port)> nodes = [];
    private readonly NpgsqlDataSource db;
    private string scheduler = "";
    private string? backup = "";
    private string more = "";

    public MultiNodeWorkspace(PostgresServer server, string stateUrl)
    {
        StateUrl = stateUrl;
        Dir = Directory.CreateTempSubdirectory("jaga-multinode-").FullName;
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "orders.csv"), "id,total\n1,100\n2,250\n");
        // No pooling: the store-outage test restarts the server, and a pooled connection would be a dead one.
        db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
        {
            Host = PostgresServer.Host,
            Port = server.Port,
            Username = PostgresServer.User,
            Database = new Uri(stateUrl).AbsolutePath.TrimStart('/'),
            Pooling = false,
        }.ConnectionString);
    }

    public string Dir { get; }

    public string StateUrl { get; }

    public string Data => Path.Combine(Dir, "data");

    public string Backup => Path.Combine(Dir, "backup");

    /// <summary>Node <paramref name="n"/>'s maintenance log (1-based).</summary>
    public string LogPath(int n) => Path.Combine(Dir, "logs", $"node{n}.log");

    public static string JobId => "backup:" + Job;

    public IReadOnlyList<RunningJaga> Nodes => [.. nodes.Select(n => n.Process)];

    /// <summary>Sets what every node's plan says under <c>scheduler:</c> and in the job (YAML flow mappings' contents); no
    /// backup job when <paramref name="jobSettings"/> is null. <paramref name="plan"/> is more of the plan, top-level YAML
    /// (<c>monitoring:</c>, <c>emergency:</c>…).</summary>
    public void Configure(string schedulerSettings, string? jobSettings, string plan = "")
    {
        scheduler = schedulerSettings;
        backup = jobSettings;
        more = plan;
    }

    /// <summary>Writes a plan with its own port and starts <c>jaga run</c> on it.</summary>
    public RunningJaga StartNode()
    {
        var port = Loopback.FreePort();
        var n = nodes.Count + 1;
        var plan = Path.Combine(Dir, $"node{n}.yaml");
        File.WriteAllText(plan, $$"""
            version: 1
            project: multinode
            timezone: UTC
            state: "{{StateUrl}}"
            listen: 127.0.0.1:{{port}}
            scheduler: { node: node{{n}}, {{scheduler}} }
            log: { file: logs/node{{n}}.log }
            destinations:
              local: { path: backup/ }

            """ + (backup is null ? "" : $$"""
            backup:
              - { name: {{Job}}, source: { files: [data/] }, to: [local], file: "{name}_{date}_{time}", {{backup}} }

            """) + more + "\n");
        var node = new RunningJaga(plan, Dir, ["run"]);
        nodes.Add((node, port));
        return node;
    }

    public int PortOf(RunningJaga node) => nodes.Single(n => n.Process == node).Port;

    /// <summary>The status code of <c>GET path</c> on a node, or null when nothing answers.</summary>
    public async Task<HttpStatusCode?> GetAsync(RunningJaga node, string path)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{PortOf(node)}{path}"));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until every node started answers <c>/healthz</c>.</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        foreach (var (node, _) in nodes)
            await UntilAsync(async () => await GetAsync(node, "/healthz") == HttpStatusCode.OK, timeout, () => $"node {node.Pid} did not answer /healthz:\n{node.Output}");
    }

    /// <summary>SIGTERM to every node still running, then waits for each to exit.</summary>
    public async Task TerminateAllAsync(TimeSpan timeout)
    {
        var running = nodes.Select(n => n.Process).Where(p => !p.HasExited).ToList();
        foreach (var node in running) await node.TerminateAsync();
        foreach (var node in running) await node.WaitForExitAsync(timeout);
    }

    /// <summary>Every row of <c>job_runs</c> for the job, by occurrence and attempt.</summary>
    public async Task<List<MultiNodeRun>> RunsAsync()
    {
        await using var q = db.CreateCommand(
            "SELECT id, occurrence, attempt, node, claimed_at, finished_at, outcome FROM job_runs WHERE job = $1 ORDER BY occurrence, attempt");
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobId });
        await using var r = await q.ExecuteReaderAsync();
        var runs = new List<MultiNodeRun>();
        while (await r.ReadAsync())
            runs.Add(new MultiNodeRun(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt32(2), r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetString(6)));
        return runs;
    }

    /// <summary>The job's backup records in the catalog: artifact, status, start.</summary>
    public async Task<List<(string Artifact, string Status, DateTimeOffset Started)>> BackupsAsync()
    {
        await using var q = db.CreateCommand("SELECT artifact, status, started_at FROM backups WHERE job = $1 ORDER BY started_at");
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Job });
        await using var r = await q.ExecuteReaderAsync();
        var backups = new List<(string, string, DateTimeOffset)>();
        while (await r.ReadAsync()) backups.Add((r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        return backups;
    }

    /// <summary>Every runbook run in the store, oldest first.</summary>
    public async Task<List<MultiNodeRunbookRun>> RunbookRunsAsync()
    {
        await using var q = db.CreateCommand("SELECT id, runbook, run_trigger, incident_id, status, node FROM runbook_runs ORDER BY seq");
        await using var r = await q.ExecuteReaderAsync();
        var runs = new List<MultiNodeRunbookRun>();
        while (await r.ReadAsync())
            runs.Add(new MultiNodeRunbookRun(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4), r.GetString(5)));
        return runs;
    }

    /// <summary>The step attempts of one run: index (0-based), attempt, name and outcome (null while it runs, or when its
    /// driver died in it).</summary>
    public async Task<List<(int Index, int Attempt, string Name, string? Outcome)>> RunbookStepsAsync(string run)
    {
        await using var q = db.CreateCommand("SELECT step_index, attempt, name, outcome FROM runbook_steps WHERE run_id = $1 ORDER BY step_index, attempt");
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run });
        await using var r = await q.ExecuteReaderAsync();
        var steps = new List<(int, int, string, string?)>();
        while (await r.ReadAsync()) steps.Add((r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return steps;
    }

    /// <summary>The kinds of an incident's timeline events as stored (<c>opened</c>, <c>stepstarted</c>…), in order.</summary>
    public async Task<List<string>> IncidentEventKindsAsync(long incident)
    {
        await using var q = db.CreateCommand("SELECT kind FROM incident_events WHERE incident_id = $1 ORDER BY at, id");
        q.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incident });
        await using var r = await q.ExecuteReaderAsync();
        var kinds = new List<string>();
        while (await r.ReadAsync()) kinds.Add(r.GetString(0));
        return kinds;
    }

    /// <summary>Runs a one-shot <c>jaga</c> command against node 1's plan.</summary>
    public Task<ChildProcess.Result> JagaAsync(params string[] args) => JagaOnAsync(1, args);

    /// <summary>Runs a one-shot <c>jaga</c> command against node <paramref name="n"/>'s plan, as on that machine.</summary>
    public Task<ChildProcess.Result> JagaOnAsync(int n, params string[] args) =>
        ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", Path.Combine(Dir, $"node{n}.yaml"), .. args], TimeSpan.FromMinutes(2), Dir);

    /// <summary>The lines of every node's maintenance log.</summary>
    public string[] LogLines() =>
        [.. Enumerable.Range(1, nodes.Count).Select(LogPath).Where(File.Exists).SelectMany(File.ReadAllLines)];

    /// <summary>Runs <c>jaga audit verify</c> on every node, each against its own log, and from node 1 against every
    /// other node's log (<c>--node</c>, <c>--log</c>): all must pass.</summary>
    public async Task VerifyAuditOnEveryNodeAsync()
    {
        for (var n = 1; n <= nodes.Count; n++)
        {
            var own = await JagaOnAsync(n, "audit", "verify");
            Assert.True(own.ExitCode == 0, $"audit verify on node{n}:\n{own.Output}");
            var other = await JagaAsync("audit", "verify", "--no-record", "--node", $"node{n}", "--log", LogPath(n));
            Assert.True(other.ExitCode == 0, $"audit verify --node node{n} on node1:\n{other.Output}");
        }
    }

    /// <summary>Every node's output, for a failure message.</summary>
    public string Outputs() => string.Join("\n", nodes.Select((n, i) => $"--- node{i + 1} (pid {n.Process.Pid}) ---\n{n.Process.Output}"));

    /// <summary>Polls <paramref name="condition"/> until it holds; on timeout fails with <paramref name="why"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> why)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline) Assert.Fail($"not within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {why()}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        foreach (var (node, _) in nodes) node.Dispose();
        db.Dispose();
        FixtureFolders.TryDelete(Dir);
    }
}
