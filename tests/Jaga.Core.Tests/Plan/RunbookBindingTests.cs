using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary>The emergency section binds to its records: contacts, parameters, each trigger, every step kind in its short
/// form and its mapping, step names, timeouts and on_failure.</summary>
public sealed class RunbookBindingTests
{
    /// <summary>A plan with one of everything a runbook can name; the runbooks follow at six spaces.</summary>
    internal const string World = """
        version: 1
        project: shop
        destinations:
          local: { path: backup/ }
        backup:
          - { name: db, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: local }
        notify:
          oncall: { email: ops@shop.example }
        monitoring:
          checks:
            - { name: api, http: "http://127.0.0.1:8080/healthz" }
            - { name: nightly, heartbeat: { every: 1d } }
        emergency:
          contacts:
            - { name: budi, role: on-call engineer, phone: "+62 812", email: budi@shop.example, chat: "@budi" }
          runbooks:

        """;

    private static Runbook One(string runbook) => Plans.Valid(World + runbook).Plan.Emergency.Runbooks[0];

    private static RunbookStep Step(string step) => One($"    - name: rb\n      steps:\n        - {step}\n").Steps[0];

    [Fact]
    public void Short_forms_bind_as_their_mappings()
    {
        var run = Assert.IsType<CommandStep>(Step("run: systemctl restart shop"));
        Assert.Equal("systemctl restart shop", run.Run.Command);
        Assert.True(run.Run.Shell);
        Assert.Equal([0], run.Run.Accepted);
        Assert.Equal("oncall", Assert.IsType<NotifyStep>(Step("notify: oncall")).Notify.Channel);
        var approve = Assert.IsType<ApprovalStep>(Step("approve: \"Restore now?\"")).Approve;
        Assert.Equal(("Restore now?", 1), (approve.Prompt, approve.Approvals));
        Assert.Equal("api", Assert.IsType<WaitStep>(Step("wait_for: api")).WaitFor.Check);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<WaitStep>(Step("wait_for: api")).WaitFor.Timeout);
        Assert.Equal("https://shop.example/health", Assert.IsType<HttpStep>(Step("http: https://shop.example/health")).Http.Url);
        var log = Assert.IsType<LogStep>(Step("log: restarted by hand")).Log;
        Assert.Equal((RunbookLogLevel.Info, "restarted by hand"), (log.Level, log.Message));
        Assert.Equal("db", Assert.IsType<BackupStep>(Step("backup: db")).Backup);
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<SleepStep>(Step("sleep: 30s")).Sleep);
    }

    [Fact]
    public void Mappings_bind_every_key()
    {
        var run = Assert.IsType<CommandStep>(Step("run: { command: ./deploy.sh, args: [a, \"b c\"], env: { MODE: fast }, dir: app, timeout: 2m, exit_codes: [0, 3] }")).Run;
        Assert.Equal(["a", "b c"], run.Args);
        Assert.False(run.Shell);
        Assert.Equal("fast", run.Env["MODE"]);
        Assert.Equal(("app", TimeSpan.FromMinutes(2)), (run.Dir, run.Timeout));
        Assert.Equal([0, 3], run.Accepted);

        var http = Assert.IsType<HttpStep>(Step("http: { url: \"https://shop.example/api\", method: POST, headers: { X-Key: k }, body: \"{}\", expect: [\"[STATUS] == 201\"] }")).Http;
        Assert.Equal(("POST", "{}", "k"), (http.Method, http.Body, http.Headers["X-Key"]));
        Assert.Equal(["[STATUS] == 201"], http.Expect);

        var restore = Assert.IsType<RestoreBackupStep>(Step("restore: { backup: db, into: data/app.db }")).Restore;
        Assert.Equal(("db", BackupRestore.Latest, "data/app.db"), (restore.Backup, restore.From, restore.Into));
        Assert.Equal(BackupRestore.LatestVerified, Assert.IsType<RestoreBackupStep>(Step("restore: { backup: db, from: latest_verified, into: x.db }")).Restore.From);

        var notify = Assert.IsType<NotifyStep>(Step("notify: { contact: budi, message: hello }")).Notify;
        Assert.Equal((null, "budi", "hello"), (notify.Channel, notify.Contact, notify.Message));
        Assert.Equal(2, Assert.IsType<ApprovalStep>(Step("approve: { prompt: sure?, approvals: 2 }")).Approve.Approvals);
        Assert.Equal(RunbookLogLevel.Error, Assert.IsType<LogStep>(Step("log: { level: ERROR, message: down }")).Log.Level);
    }

    [Fact]
    public void Unnamed_steps_are_called_by_kind_and_number_and_named_ones_keep_their_name()
    {
        var rb = One("""
                - name: rb
                  steps:
                    - run: a
                    - name: dump
                      run: b
                    - wait_for: api
            """);

        Assert.Equal(["run-1", "dump", "wait-for-3"], rb.Steps.Select(s => s.Name));
    }

    [Fact]
    public void On_failure_is_stop_by_default_and_reads_continue_and_runbook()
    {
        var rb = One("""
                - name: rb
                  steps:
                    - run: a
                    - { run: b, on_failure: continue }
                    - { run: c, on_failure: runbook rollback }
                - name: rollback
                  steps: [{ run: d }]
            """);

        Assert.Equal(StepFailure.Stop, rb.Steps[0].OnFailure);
        Assert.Equal(StepFailure.Continue, rb.Steps[1].OnFailure);
        Assert.Equal(new StepFailure(FailureAction.Runbook, "rollback"), rb.Steps[2].OnFailure);
        Assert.Equal("runbook rollback", rb.Steps[2].OnFailure.ToString());
    }

    [Fact]
    public void Step_timeout_falls_back_to_the_runbooks_and_approval_waits_without_one()
    {
        var rb = One("""
                - name: rb
                  timeout: 7m
                  steps:
                    - run: a
                    - { run: b, timeout: 1m }
                    - run: { command: c, timeout: 2m }
                    - wait_for: { check: api, timeout: 3m }
                    - approve: sure?
                    - { approve: sure?, timeout: 1h }
            """);

        Assert.Equal<TimeSpan?>([TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), null, TimeSpan.FromHours(1)],
            rb.Steps.Select(rb.TimeoutOf));
        Assert.Equal(TimeSpan.FromMinutes(30), One("    - { name: rb, steps: [{ run: a }] }\n").Timeout);
    }

    [Fact]
    public void Each_trigger_binds_to_its_kind()
    {
        Assert.Null(One("    - { name: rb, steps: [{ run: a }] }\n").Trigger);
        Assert.Equal(new CheckTrigger("api", TimeSpan.FromMinutes(3)), One("    - { name: rb, trigger: { check: api, failing_for: 3m }, steps: [{ run: a }] }\n").Trigger);
        Assert.Equal(new BackupTrigger("db"), One("    - { name: rb, trigger: { backup: db }, steps: [{ run: a }] }\n").Trigger);
        Assert.Equal(new HeartbeatTrigger("nightly"), One("    - { name: rb, trigger: { heartbeat: nightly }, steps: [{ run: a }] }\n").Trigger);
    }

    [Fact]
    public void Contacts_and_parameters_bind()
    {
        var plan = Plans.Valid(World + """
                - name: rb
                  params:
                    - { name: version, description: the version }
                    - { name: env, default: production, allowed: [staging, production] }
                    - { name: wait, type: duration, default: 30s }
                  steps: [{ run: "deploy ${params.version}" }]
            """).Plan;

        var contact = Assert.Single(plan.Emergency.Contacts);
        Assert.Equal(new Contact("budi", "on-call engineer", "+62 812", "budi@shop.example", "@budi"), contact);
        var p = plan.Emergency.Runbooks[0].Params;
        Assert.Equal(("version", ParamType.String, true, "the version"), (p[0].Name, p[0].Type, p[0].Required, p[0].Description));
        Assert.Equal(["staging", "production"], p[1].Allowed);
        Assert.Equal((ParamType.Duration, "30s", false), (p[2].Type, p[2].Default, p[2].Required));
    }

    [Fact]
    public void Step_text_keeps_its_references_as_written_secrets_included()
    {
        var loaded = Plans.Valid(World.Replace("version: 1\n", "version: 1\nenv_files: [.env]\n", StringComparison.Ordinal) + """
                - name: rb
                  params: [{ name: v }]
                  steps:
                    - { name: dump, run: "pg_dump --password=${DB_PASSWORD} app" }
                    - notify: { channel: oncall, message: "dumped ${steps.dump.output} for ${params.v}" }
            """, files: new Dictionary<string, string> { [".env"] = "DB_PASSWORD=hunter2-secret\n" });

        var steps = loaded.Plan.Emergency.Runbooks[0].Steps;
        Assert.Equal("pg_dump --password=${DB_PASSWORD} app", Assert.IsType<CommandStep>(steps[0]).Run.Command);
        Assert.Equal("dumped ${steps.dump.output} for ${params.v}", Assert.IsType<NotifyStep>(steps[1]).Notify.Message);
        Assert.Equal("hunter2-secret", loaded.Lookup("DB_PASSWORD")?.Value);
        Assert.True(loaded.Lookup("DB_PASSWORD")?.Secret);
    }

    [Fact]
    public void Text_outside_the_steps_is_still_filled_in_when_the_plan_loads()
    {
        var plan = Plans.Valid(World + "    - { name: rb, description: \"for ${WHO}\", steps: [{ run: a }] }\n", variables: new Dictionary<string, string> { ["WHO"] = "ops" }).Plan;

        Assert.Equal("for ops", plan.Emergency.Runbooks[0].Description);
    }

    [Fact]
    public void The_example_plan_binds_its_runbooks()
    {
        var plan = Plans.LoadFile(RepoRoot.Combine("examples", "tokoku", "jaga.yaml")).Plan!.Plan;

        var restart = plan.Emergency.Find("restart-api")!;
        Assert.Equal(new CheckTrigger("api", TimeSpan.FromMinutes(3)), restart.Trigger);
        Assert.Contains(restart.Steps, s => s.OnFailure.Action == FailureAction.Runbook);
        var restore = plan.Emergency.Find("restore-db")!;
        Assert.Contains(restore.Steps, s => s is RestoreBackupStep { Restore.Backup: "db" });
        Assert.NotEmpty(restore.Params);
        Assert.NotEmpty(plan.Emergency.Contacts);
    }
}
