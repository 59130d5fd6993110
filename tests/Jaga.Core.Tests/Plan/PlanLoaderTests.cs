using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Tests.Plan;

/// <summary>Plans that load: the example, the defaults filled in, and the secrets learnt on the way.</summary>
public sealed class PlanLoaderTests
{
    private static readonly string Example = RepoRoot.Combine("examples", "tokoku", "jaga.yaml");

    [Fact]
    public void Example_plan_loads_with_its_env_file_without_errors()
    {
        var result = Plans.LoadFile(Example);

        Assert.True(result.Ok, "errors:\n" + string.Join("\n", result.Errors));
        var plan = result.Plan!.Plan;
        Assert.Equal("tokoku", plan.Project);
        Assert.Equal("Asia/Jakarta", plan.Timezone.Id);
        Assert.Equal("id", plan.Language);
        Assert.Equal(["db", "uploads"], plan.Backup.Select(b => b.Name));
        Assert.Equal("http://127.0.0.1:9000", Assert.IsType<S3Store>(plan.Destinations["offsite"]).Endpoint);
        Assert.Equal("postgres://tokoku:demo-password-not-real@127.0.0.1:5432/tokoku", plan.Migration!.To);
        Assert.Equal(TimeSpan.FromDays(30), plan.Monitoring.Logs[0].Keep);
        Assert.Equal(100_000_000, plan.Monitoring.Logs[0].MaxSize);
        Assert.Equal(new Threshold("<", 90), plan.Monitoring.Host!.Disk["/"]);
        Assert.Equal("@daily", plan.Audit.Checkpoint?.Text);
    }

    [Fact]
    public void Plan_hash_is_the_sha256_of_its_text()
    {
        var loaded = Plans.Valid(Plans.Header);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("version: 1\nproject: tokoku\n"u8)), loaded.Sha256);
    }

    [Fact]
    public void Absent_keys_get_their_documented_defaults()
    {
        var plan = Plans.Valid(Plans.Header).Plan;

        Assert.Equal("UTC", plan.Timezone.Id);
        Assert.Equal("en", plan.Language);
        Assert.Equal(".jaga/state.db", plan.State);
        Assert.Equal("127.0.0.1:8080", plan.Listen);
        Assert.Equal("logs/maintenance.log", plan.Log.File);
        Assert.Equal(".jaga/audit.key", plan.Audit.Key);
        Assert.Equal(".jaga/audit.pub", plan.Audit.PublicKey);
        Assert.Null(plan.Audit.Checkpoint);
        Assert.Equal(["auto"], plan.Update.Manifests);
        Assert.Equal((UpdateAction.Immediate, UpdateAction.Auto, UpdateAction.Review, UpdateAction.Manual), (plan.Update.Policy.Security, plan.Update.Policy.Patch, plan.Update.Policy.Minor, plan.Update.Policy.Major));
        Assert.False(plan.Update.OsPackages);
        Assert.Empty(plan.Backup);
        Assert.Empty(plan.EnvFiles);
        Assert.Empty(plan.Monitoring.Checks);
        Assert.Empty(plan.Emergency.Runbooks);
        Assert.Null(plan.Monitoring.Host);
        Assert.Null(plan.Migration);
    }

    [Fact]
    public void Absent_keys_inside_entries_get_their_defaults()
    {
        var plan = Plans.Valid(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - { name: db, source: { sqlite: data/app.db }, schedule: "@daily", to: local }
            monitoring:
              host: { cpu: "< 90%" }
              checks:
                - { name: api, http: "http://127.0.0.1:8080/healthz", alert: { notify: oncall } }
                - { name: report, heartbeat: { every: 1d } }
              logs:
                - path: "logs/*.log"
            notify:
              oncall: { webhook: "https://hooks.example.com/x" }
            emergency:
              runbooks:
                - { name: wait, steps: [{ wait_for: { check: api } }] }
            """).Plan;

        var job = Assert.Single(plan.Backup);
        Assert.Equal((Compression.Zstd, DumpFormat.Plain, "{name}_{date}"), (job.Compress, job.Format, job.File));
        Assert.Equal(["local"], job.To);
        Assert.Equal(TimeSpan.FromMinutes(1), plan.Monitoring.Host!.Every);
        var api = plan.Monitoring.Checks[0];
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10)), (api.Every, api.Timeout));
        Assert.Equal((3, 1), (api.Alert!.After, api.Alert.RecoverAfter));
        Assert.Equal(["oncall"], api.Alert.Notify);
        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<HeartbeatCheck>(plan.Monitoring.Checks[1]).Heartbeat.Grace);
        var logs = Assert.Single(plan.Monitoring.Logs);
        Assert.Equal((Compression.None, false, false, false), (logs.Compress, logs.DelayCompress, logs.CopyTruncate, logs.MissingOk));
        Assert.Equal(WebhookFormat.Json, plan.Notify["oncall"].Format);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<WaitStep>(plan.Emergency.Runbooks[0].Steps[0]).WaitFor.Timeout);
    }

    [Fact]
    public void Env_file_value_is_redacted_wherever_it_appears()
    {
        var redactor = Plans.LoadFile(Example).Plan!.Redactor;

        Assert.Equal("uploading with key *** and secret ***", redactor.Redact("uploading with key demo-access-key and secret demo-secret-key-not-real"));
        Assert.Equal("POST ***", redactor.Redact("POST https://hooks.example.com/services/T000/B000/demo-token"));
    }

    [Fact]
    public void Database_url_from_an_env_file_keeps_its_host_readable_and_its_password_hidden()
    {
        var redactor = Plans.LoadFile(Example).Plan!.Redactor;

        Assert.Equal("pg_dump postgres://tokoku:***@127.0.0.1:5432/tokoku", redactor.Redact("pg_dump postgres://tokoku:demo-password-not-real@127.0.0.1:5432/tokoku"));
        // The password alone, as a tool may echo it outside any URL, is a secret too.
        Assert.Equal("PGPASSWORD=***", redactor.Redact("PGPASSWORD=demo-password-not-real"));
    }

    [Fact]
    public void Password_of_a_url_written_in_the_plan_is_a_secret_but_its_host_is_not()
    {
        var loaded = Plans.Valid(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { postgres: "postgres://app:s3cret-pass@db.internal:5432/shop" }
                schedule: "@daily"
                to: local
            """);

        Assert.Equal("postgres://app:***@db.internal:5432/shop", loaded.Redactor.Redact("postgres://app:s3cret-pass@db.internal:5432/shop"));
        Assert.Equal("auth failed for *** on db.internal", loaded.Redactor.Redact("auth failed for s3cret-pass on db.internal"));
    }

    [Fact]
    public void Process_variable_is_a_secret_only_when_its_name_says_so()
    {
        var variables = new Dictionary<string, string> { ["HOOK_TOKEN"] = "tok-0123456789", ["STATE_DIR"] = "/var/lib/jaga" };

        var loaded = Plans.Valid(Plans.Header + "state: ${STATE_DIR}/state.db\nnotify:\n  ops: { webhook: \"https://hooks.example.com/${HOOK_TOKEN}\" }\n", variables: variables);

        Assert.Equal("token *** in /var/lib/jaga", loaded.Redactor.Redact("token tok-0123456789 in /var/lib/jaga"));
    }
}
