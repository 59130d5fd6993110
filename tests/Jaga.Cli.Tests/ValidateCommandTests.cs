namespace Jaga.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string DozenMistakes = """
        version: 1
        project: toko
        timezone: Asia/Jakrta
        langauge: id
        destinations:
          local: { path: backup/, s3: s3://bucket/x }
        backup:
          - name: db
            source: { postgres: "${NOT_SET_ANYWHERE}" }
            shedule: "0 2 * * *"
            to: [local, offsite]
            compress: lz4
            keep: { daily: many }
          - name: db
            source: { sqlite: app.db }
            schedule: "0 2 * *"
            to: [local]
        monitoring:
          host: { every: 5x, cpu: "90%" }
          checks:
            - name: api
              http: ftp://example.com
              alert: { notify: [pager] }
        """;

    [Fact]
    public async Task Example_plan_is_valid_and_secrets_are_hidden()
    {
        using var ws = new Workspace();
        var root = FindRoot();
        var r = await ws.Jaga("--plan", Path.Combine(root, "examples", "tokoku", "jaga.yaml"), "validate");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("postgres://tokoku:***@127.0.0.1:5432/tokoku", r.Out);
        Assert.DoesNotContain("demo-password-not-real", r.Out);
    }

    [Fact]
    public async Task A_dozen_mistakes_are_all_listed_with_their_positions()
    {
        using var ws = new Workspace(DozenMistakes);
        var r = await ws.Jaga("validate");
        Assert.Equal(2, r.Code);
        string[] expected =
        [
            "jaga.yaml:3:11: timezone: 'Asia/Jakrta' is not a known time zone (did you mean 'Asia/Jakarta'?)",
            "jaga.yaml:4:1: unknown key 'langauge' (did you mean 'language'?)",
            "jaga.yaml:6:27: destinations.local: 'path' and 's3' cannot be used together",
            "jaga.yaml:8:5: backup[0]: needs one of: schedule, every",
            "jaga.yaml:9:26: backup[0].source.postgres: variable NOT_SET_ANYWHERE is not set",
            "jaga.yaml:10:5: backup[0]: unknown key 'shedule' (did you mean 'schedule'?)",
            "jaga.yaml:11:17: backup[0].to: unknown destination 'offsite'",
            "jaga.yaml:12:15: backup[0].compress: 'lz4' is not one of none, gzip, zstd",
            "jaga.yaml:13:20: backup[0].keep.daily: 'many' is not a whole number",
            "jaga.yaml:14:11: backup[1].name: 'db' is already used by another entry",
            "jaga.yaml:16:15: backup[1].schedule: '0 2 * *' is not a schedule: a cron schedule has 5 fields, this one has 4",
            "jaga.yaml:19:18: monitoring.host.every: '5x' is not a duration",
            "jaga.yaml:19:27: monitoring.host.cpu: '90%' is not a percent threshold",
            "jaga.yaml:22:13: monitoring.checks[0].http: 'ftp://example.com' is not a http://, https:// URL",
            "jaga.yaml:23:25: monitoring.checks[0].alert.notify: unknown notify channel 'pager'",
        ];
        Assert.Contains($"{expected.Length} problem(s) found", r.Err);
        foreach (var e in expected) Assert.Contains(e, r.Err.Replace(ws.PlanPath, "jaga.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public async Task An_invalid_value_from_an_env_file_is_not_quoted_back_in_the_error()
    {
        using var ws = new Workspace(env: "DATABASE_URL=mysql-ish://root:hunter2-secret@db/app\n");
        var r = await ws.Jaga("validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("backup[0].source.postgres", r.Err);
        Assert.DoesNotContain("hunter2-secret", r.Err);
    }

    [Fact]
    public async Task Json_output_lists_errors_with_line_and_column()
    {
        using var ws = new Workspace("version: 1\nproject: toko\nbackup: 3\n");
        var r = await ws.Jaga("validate", "--json");
        Assert.Equal(2, r.Code);
        Assert.Contains("\"valid\": false", r.Out);
        Assert.Contains("\"line\": 3", r.Out);
    }

    [Fact]
    public async Task Missing_plan_file_is_a_usage_error_with_a_fix()
    {
        using var ws = new Workspace();
        var r = await ws.Jaga("--plan", Path.Combine(ws.Dir, "nope.yaml"), "validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("plan file not found (run 'jaga init'", r.Err);
    }

    [Fact]
    public async Task Unknown_flag_is_exit_code_2()
    {
        using var ws = new Workspace();
        var r = await ws.Jaga("validate", "--frobnicate");
        Assert.Equal(2, r.Code);
        Assert.Contains("--frobnicate", r.Err);
    }

    internal static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Jaga.slnx"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }
}
