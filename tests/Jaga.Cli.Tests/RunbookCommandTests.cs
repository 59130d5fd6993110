using System.Text.Json.Nodes;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga runbook list</c> and <c>jaga runbook show</c>: the plan's runbooks, read from the plan alone, printed
/// without a secret.</summary>
public sealed class RunbookCommandTests
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        env_files: [.env]
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - { name: db, source: { postgres: "${DATABASE_URL}" }, schedule: "0 2 * * *", to: local }
        notify:
          oncall: { email: ops@toko.example }
        monitoring:
          checks:
            - { name: api, http: "http://127.0.0.1:9/healthz" }
        emergency:
          contacts:
            - { name: budi, role: on-call engineer, phone: "+62 812", email: budi@toko.example }
          runbooks:
            - name: restart-api
              trigger: { check: api, failing_for: 3m }
              steps:
                - run: systemctl restart toko
                - wait_for: api
            - name: restore-db
              description: The database is gone.
              params:
                - { name: reason }
                - { name: from, default: latest }
              steps:
                - approve: "Restore for ${params.reason}?"
                - restore: { backup: db, from: "${params.from}", into: "${DATABASE_URL}" }
                - run: "psql ${DATABASE_URL} -c 'select 1'"
        """;

    private const string Env = "DATABASE_URL=postgres://app:s3cr3t-pw@db.internal:5432/app\n";

    [Fact]
    public async Task List_shows_each_runbook_with_trigger_steps_and_parameters()
    {
        using var ws = new Workspace(Plan, Env);

        var r = await ws.Jaga("runbook", "list");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("RUNBOOK", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"restart-api\s+check api \(3m\)\s+2\s+-", r.Out);
        Assert.Matches(@"restore-db\s+manual\s+3\s+reason, from=latest", r.Out);
    }

    [Fact]
    public async Task List_as_json_gives_the_parts()
    {
        using var ws = new Workspace(Plan, Env);

        var r = await ws.Jaga("runbook", "list", "--json");

        Assert.True(r.Code == 0, r.ToString());
        var runbooks = JsonNode.Parse(r.Out)!["runbooks"]!.AsArray();
        Assert.Equal(["restart-api", "restore-db"], runbooks.Select(x => (string?)x!["name"]));
        Assert.Equal("api", (string?)runbooks[0]!["trigger"]!["check"]);
        Assert.Equal("3m", (string?)runbooks[0]!["trigger"]!["failing_for"]);
        Assert.Null(runbooks[1]!["trigger"]);
        Assert.Equal(3, (int)runbooks[1]!["steps"]!);
        var reason = runbooks[1]!["params"]![0]!;
        Assert.True((bool)reason["required"]!);
        Assert.Equal("latest", (string?)runbooks[1]!["params"]![1]!["default"]);
    }

    [Fact]
    public async Task Show_prints_the_procedure_as_markdown_or_text_without_a_secret()
    {
        using var ws = new Workspace(Plan, Env);

        var md = await ws.Jaga("runbook", "show", "restore-db", "--format", "md");
        var text = await ws.Jaga("runbook", "show", "restore-db");

        Assert.True(md.Code == 0, md.ToString());
        Assert.StartsWith("# Runbook restore-db — toko\n", md.Out, StringComparison.Ordinal);
        Assert.Contains("| budi | on-call engineer |", md.Out, StringComparison.Ordinal);
        Assert.Contains("2. Restore backup ${params.from} of job **db** into `${DATABASE_URL}`", md.Out, StringComparison.Ordinal);
        Assert.Contains("psql -X -v ON_ERROR_STOP=1 \"${DATABASE_URL}\"", md.Out, StringComparison.Ordinal);
        Assert.True(text.Code == 0, text.ToString());
        Assert.StartsWith("Runbook restore-db — toko\n=====", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", md.Out + text.Out + md.Err + text.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_as_json_gives_the_steps_and_the_document()
    {
        using var ws = new Workspace(Plan, Env);

        var r = await ws.Jaga("runbook", "show", "restart-api", "--json");

        Assert.True(r.Code == 0, r.ToString());
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal(["run-1", "wait-for-2"], json["steps"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal("stop", (string?)json["steps"]![0]!["on_failure"]);
        Assert.Equal("5m", (string?)json["steps"]![1]!["timeout"]);
        Assert.Contains("systemctl restart toko", (string?)json["document"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_follows_the_language_asked_for()
    {
        using var ws = new Workspace(Plan, Env);

        var r = await ws.Jaga("runbook", "show", "restart-api", "--lang", "id");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("Untuk saat check api mati selama 3m.", r.Out, StringComparison.Ordinal);
        Assert.Contains("Langkah", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_runbook_is_exit_2_naming_the_known_ones()
    {
        using var ws = new Workspace(Plan, Env);

        var r = await ws.Jaga("runbook", "show", "restore");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("no runbook named 'restore' in the plan", r.Err, StringComparison.Ordinal);
        Assert.Contains("known runbooks: restart-api, restore-db", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_without_runbooks_says_so()
    {
        using var ws = new Workspace(Workspace.MinimalPlan);

        var list = await ws.Jaga("runbook", "list");
        var show = await ws.Jaga("runbook", "show", "x");

        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains("Plan ini belum punya runbook", list.Out, StringComparison.Ordinal);
        Assert.True(show.Code == 2, show.ToString());
        Assert.Contains("tambahkan di emergency.runbooks", show.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_plan_lists_and_shows_its_runbooks()
    {
        var plan = Path.Combine(ValidateCommandTests.FindRoot(), "examples", "tokoku", "jaga.yaml");
        using var ws = new Workspace();

        var list = await ws.Jaga("runbook", "list", "--plan", plan);
        var show = await ws.Jaga("runbook", "show", "restore-db", "--plan", plan, "--format", "md");

        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains("restart-api", list.Out, StringComparison.Ordinal);
        Assert.True(show.Code == 0, show.ToString());
        Assert.Contains("zstd -dc \"$FILE\" > \"data/app.db\"", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-password-not-real", show.Out, StringComparison.Ordinal);
    }
}
