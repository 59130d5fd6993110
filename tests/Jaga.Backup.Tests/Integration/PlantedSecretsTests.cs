using System.Text;
using Jaga.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A distinct secret planted in every kind of place a plan can hold one, then every command run and every place
/// Jaga writes searched for each: outputs, the log, the audit export, every table of the state store (SQLite and
/// PostgreSQL), the files Jaga wrote (manifests), a daemon's <c>/metrics</c>, and the arguments of the processes Jaga
/// starts (pg_dump gets its password from the environment, never its command line). Each find names what and where.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PlantedSecretsTests(PostgresServer pg, SshServer ssh, SwiftServer swift, MariaDbServer maria) : IClassFixture<MariaDbServer>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task No_planted_secret_appears_in_any_output_store_file_metric_or_process_argument(string store)
    {
        var source = await SampleDatabase.CreateSeededAsync(pg);
        await ExecuteAsync(source.ConnectionString, "CREATE TABLE bulk AS SELECT g, md5(g::text) AS h FROM generate_series(1, 400000) g");
        var stateDb = store == "postgres" ? await pg.CreateDatabaseAsync() : null;
        var state = stateDb is null ? ".jaga/state.db" : pg.Url(stateDb[(stateDb.LastIndexOf('/') + 1)..], "PlantStatePw-1a");
        var port = Loopback.FreePort();
        var sftpFolder = await ssh.CreateFolderAsync();
        var planted = new PlantedSecrets(pg, ssh, swift, maria, source.Name, sftpFolder, await swift.CreateBucketAsync(), state, port);
        using var ws = new BackupWorkspace(planted.Plan, planted.Env);
        CreateSqlite(Path.Combine(ws.Dir, "data", "app.db"));
        var leaks = new List<string>();
        var outputs = new List<(string Command, JagaRun Run)>();
        async Task Run(params string[] args) => outputs.Add((string.Join(' ', args), await ws.Jaga(args)));

        await Run("validate");
        await Run("validate", "--json");
        await Run("plan", "render");
        var arguments = WatchArguments(planted, out var stopWatching);
        await Run("backup", "run", "pg");
        await stopWatching();
        var (seen, argLeaks) = await arguments;
        await Run("backup", "run");
        await Run("backup", "list");
        await Run("backup", "list", "--json");
        await Run("monitor", "check");
        await Run("run", "--once");
        await Run("monitor", "status");
        await Run("monitor", "status", "--json");
        await Run("status");
        await Run("status", "--json");
        await Run("log");
        var export = Path.Combine(ws.Dir, "audit.jsonl");
        await Run("audit", "export", "--out", export);
        var metrics = await DaemonAsync(ws, planted, port);

        Assert.True(seen, "pg_dump was never seen running, so its arguments were not checked");
        leaks.AddRange(argLeaks);
        foreach (var (command, run) in outputs)
        {
            leaks.AddRange(planted.Leaks($"the stdout of 'jaga {command}'", run.Out));
            leaks.AddRange(planted.Leaks($"the stderr of 'jaga {command}'", run.Err));
        }
        leaks.AddRange(planted.Leaks("the audit export", File.ReadAllText(export)));
        leaks.AddRange(planted.Leaks("the daemon's /metrics", metrics.Metrics));
        leaks.AddRange(planted.Leaks("the daemon's output", metrics.Output));
        foreach (var file in Directory.GetFiles(ws.Dir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("jaga.yaml" or ".env")))
            leaks.AddRange(planted.Leaks($"the file {Path.GetRelativePath(ws.Dir, file)}", Encoding.UTF8.GetString(File.ReadAllBytes(file))));
        foreach (var file in Directory.GetFiles(sftpFolder))
            leaks.AddRange(planted.Leaks($"the SFTP destination's file {Path.GetFileName(file)}", Encoding.UTF8.GetString(File.ReadAllBytes(file))));
        var tables = stateDb is null ? SqliteTables(ws.StatePath) : await PostgresTablesAsync(ConnectionString(stateDb));
        Assert.Contains(tables, t => t.Table.EndsWith("check_results", StringComparison.Ordinal));
        foreach (var (table, text) in tables) leaks.AddRange(planted.Leaks($"the {store} state store's table {table}", text));

        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct()));
    }

    /// <summary>Runs <c>jaga run</c> as a daemon, pings its heartbeat and reads <c>/metrics</c> once a check has run.</summary>
    private static async Task<(string Metrics, string Output)> DaemonAsync(BackupWorkspace ws, PlantedSecrets planted, int port)
    {
        using var daemon = new RunningJaga(ws.PlanPath, ws.Dir, ["run"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var metrics = "";
        for (var waited = 0; waited < 90 && !metrics.Contains("leaky", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            try
            {
                metrics = await http.GetStringAsync("/metrics");
            }
            catch (HttpRequestException)
            {
                Assert.False(daemon.HasExited, "the daemon stopped:\n" + daemon.Output);
            }
        }
        Assert.True(metrics.Length > 0, "no /metrics:\n" + daemon.Output);
        using var ping = await http.PostAsync("/ping/" + planted.Secrets["heartbeat token"], null);
        metrics += await http.GetStringAsync("/metrics");
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (metrics, daemon.Output);
    }

    /// <summary>Reads every process's arguments from <c>/proc/*/cmdline</c> until stopped: whether a pg_dump was seen, and
    /// every planted secret found in any process's arguments.</summary>
    private static Task<(bool Seen, List<string> Leaks)> WatchArguments(PlantedSecrets planted, out Func<Task> stop)
    {
        var done = new CancellationTokenSource();
        stop = done.CancelAsync;
        return Task.Run(() =>
        {
            var seen = false;
            var leaks = new List<string>();
            while (!done.IsCancellationRequested)
            {
                foreach (var dir in Directory.GetDirectories("/proc"))
                {
                    string arguments;
                    try
                    {
                        arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        continue;
                    }
                    if (arguments.Contains("pg_dump", StringComparison.Ordinal)) seen = true;
                    leaks.AddRange(planted.Leaks($"the arguments of a process ({arguments.Split(' ')[0]})", arguments));
                }
            }
            return (seen, leaks);
        });
    }

    private string ConnectionString(string url) => new NpgsqlConnectionStringBuilder
    {
        Host = PostgresServer.Host,
        Port = pg.Port,
        Username = PostgresServer.User,
        Database = url[(url.LastIndexOf('/') + 1)..],
        Pooling = false,
    }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Table, string Text)>> PostgresTablesAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'", c))
        await using (var r = await list.ExecuteReaderAsync())
            while (await r.ReadAsync()) names.Add(r.GetString(0));
        var tables = new List<(string, string)>();
        foreach (var name in names)
        {
            var text = new StringBuilder();
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {name} t", c);
            await using var r = await select.ExecuteReaderAsync();
            while (await r.ReadAsync()) text.AppendLine(r.GetString(0));
            tables.Add((name, text.ToString()));
        }
        return tables;
    }

    private static List<(string Table, string Text)> SqliteTables(string database)
    {
        using var c = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        c.Open();
        var names = new List<string>();
        using (var list = c.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var r = list.ExecuteReader();
            while (r.Read()) names.Add(r.GetString(0));
        }
        var tables = new List<(string, string)>();
        foreach (var name in names)
        {
            using var select = c.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            using var r = select.ExecuteReader();
            var text = new StringBuilder();
            while (r.Read())
                for (var i = 0; i < r.FieldCount; i++)
                    text.Append(r.GetValue(i) is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
            tables.Add((name, text.ToString()));
        }
        return tables;
    }

    private static void CreateSqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO products (name) VALUES ('kopi'), ('teh');";
        command.ExecuteNonQuery();
    }
}
