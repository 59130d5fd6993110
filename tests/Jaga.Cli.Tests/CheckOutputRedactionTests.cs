using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>A check's output is masked where its result is made: no output, table or alert downstream sees it raw. And
/// masking hides what is secret only, not the plain values near it.</summary>
public sealed class CheckOutputRedactionTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: Asia/Jakarta
        log: { file: logs/maintenance.log }
        env_files: [.env]
        monitoring:
          checks:
            - name: leaky
              command: "echo password=Plain-pw-4711 token ${API_TOKEN}; exit 2"
              every: 1m
              alert: { after: 1 }
        """;

    private static readonly string[] Secrets = ["Plain-pw-4711", "tok-abcdef123456"];

    [Fact]
    public async Task A_command_checks_output_is_masked_in_every_output_and_in_the_state_store()
    {
        using var ws = new Workspace(Plan);

        var check = await ws.Jaga("monitor", "check");
        var once = await ws.Jaga("run", "--once");
        var status = await ws.Jaga("monitor", "status");
        var statusJson = await ws.Jaga("monitor", "status", "--json");
        var overall = await ws.Jaga("status");
        var overallJson = await ws.Jaga("status", "--json");

        Assert.True(check.Code == 1, check.ToString());
        Assert.Contains("password=***", check.Out, StringComparison.Ordinal);
        foreach (var (name, r) in new[] { ("monitor check", check), ("run --once", once), ("monitor status", status), ("monitor status --json", statusJson), ("status", overall), ("status --json", overallJson) })
            foreach (var secret in Secrets) Assert.False(r.ToString().Contains(secret, StringComparison.Ordinal), $"{secret} in the output of {name}:\n{r}");
        Assert.Contains("password=***", statusJson.Out, StringComparison.Ordinal);
        foreach (var (table, text) in Tables(ws.StatePath))
            foreach (var secret in Secrets) Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{secret} in the state store's table {table}");
        Assert.Contains(Tables(ws.StatePath), t => t.Table == "check_results" && t.Text.Contains("password=***", StringComparison.Ordinal));
        Assert.Contains(Tables(ws.StatePath), t => t.Table == "check_states" && t.Text.Contains("password=***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_restore_path_stays_readable_while_a_restore_urls_password_is_masked()
    {
        const string plan = """
            version: 1
            project: toko
            timezone: Asia/Jakarta
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
            emergency:
              runbooks:
                - name: restore-db
                  steps:
                    - restore: { backup: db, into: data/app.db }
                - name: restore-pg
                  steps:
                    - restore: { backup: db, into: "postgres://app:Restore-pw-93@db.internal:5432/app" }
            migration:
              from: sqlite:data/app.db
              to: "postgres://app:Restore-pw-93@db.internal:5432/app"
            """;
        using var ws = new Workspace(plan);

        var validate = await ws.Jaga("validate");
        var render = await ws.Jaga("plan", "render");

        Assert.True(validate.Code == 0, validate.ToString());
        Assert.Contains("sqlite data/app.db", validate.Out, StringComparison.Ordinal);
        Assert.Contains("migration: sqlite:data/app.db", validate.Out, StringComparison.Ordinal);
        Assert.Contains("data/app.db", render.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sqlite:***", render.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Restore-pw-93", validate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Restore-pw-93", render.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every table of the SQLite state store, each as one text of all its values.</summary>
    internal static List<(string Table, string Text)> Tables(string database)
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
            var text = new System.Text.StringBuilder();
            while (r.Read())
                for (var i = 0; i < r.FieldCount; i++)
                    text.Append(r.GetValue(i) switch { byte[] b => System.Text.Encoding.UTF8.GetString(b), var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) }).Append('\t');
            tables.Add((name, text.ToString()));
        }
        return tables;
    }
}
