using Jaga.Core.Emergency;
using Jaga.Core.Plan;
using Jaga.Core.Tests.Plan;

namespace Jaga.Core.Tests.Emergency;

/// <summary>The printable procedure: everything a person needs at 3 a.m., in the plan's language, and never a secret.</summary>
public sealed class RunbookDocumentTests
{
    private const string Secret = "hunter2-secret";

    private static readonly string Yaml = """
        version: 1
        project: shop
        env_files: [.env]
        destinations:
          local: { path: backup/ }
          offsite: { s3: s3://shop-backups/jaga, access_key: "${S3_KEY}", secret_key: "${S3_SECRET}" }
        backup:
          - { name: db, source: { postgres: "${DATABASE_URL}" }, schedule: "0 2 * * *", to: local, encrypt: { recipients: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p, identity: ~/.config/jaga/age.key } }
          - { name: app, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: local }
          - { name: files, source: { files: uploads/ }, schedule: "0 2 * * *", to: offsite, compress: gzip }
        notify:
          oncall: { email: ops@shop.example }
        monitoring:
          checks:
            - { name: api, http: "http://127.0.0.1:8080/healthz" }
        emergency:
          contacts:
            - { name: budi, role: on-call engineer, phone: "+62 812 0000 0001", email: budi@shop.example }
          runbooks:
            - name: recover
              description: The database is gone.
              trigger: { check: api, failing_for: 3m }
              params:
                - { name: reason, description: why }
                - { name: mode, default: fast, allowed: [fast, safe] }
              steps:
                - approve: { prompt: "Restore production for ${params.reason}?", approvals: 2 }
                - name: restore
                  restore: { backup: db, into: "${DATABASE_URL}" }
                - restore: { backup: app, from: latest_verified, into: data/app.db }
                - restore: { backup: files, into: /srv/shop }
                - name: dump
                  run: { command: pg_dump, args: ["--password=${DB_PASSWORD}"], env: { PGPASSWORD: "${DB_PASSWORD}" }, exit_codes: [0, 1] }
                  on_failure: continue
                - http: { url: "https://shop.example/health", expect: ["[STATUS] == 200"] }
                - { wait_for: api, on_failure: runbook rollback }
                - notify: { contact: budi, message: "dump at ${steps.dump.output}" }
                - backup: db
                - log: { level: WARN, message: restored }
                - sleep: 30s
            - { name: rollback, trigger: { backup: db }, steps: [{ run: "echo ${DB_PASSWORD}" }] }
        """;

    private static readonly Dictionary<string, string> Env = new()
    {
        [".env"] = $"DATABASE_URL=postgres://shop:{Secret}@db.internal:5432/shop\nDB_PASSWORD={Secret}\nS3_KEY=key-0123456789\nS3_SECRET={Secret}-s3\n",
    };

    private static readonly LoadedPlan Loaded = Plans.Valid(Yaml, Env);

    private static Runbook Recover => Loaded.Plan.Emergency.Find("recover")!;

    [Theory]
    [InlineData("en")]
    [InlineData("id")]
    public void No_secret_is_ever_in_the_procedure(string language)
    {
        foreach (var rb in Loaded.Plan.Emergency.Runbooks)
        {
            Assert.DoesNotContain(Secret, RunbookDocument.Markdown(Loaded, rb, language), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, RunbookDocument.Text(Loaded, rb, language), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Secret, PlanDocument.Markdown(Loaded, language), StringComparison.Ordinal);
    }

    [Fact]
    public void English_procedure_has_title_description_trigger_contacts_parameters_and_numbered_steps()
    {
        var md = RunbookDocument.Markdown(Loaded, Recover, "en");

        Assert.StartsWith("# Runbook recover — shop\n\nThe database is gone.\n\nFor when check **api** has been down for 3m. `jaga run` starts it by itself then, once per incident; run it by hand with `jaga runbook run recover`", md, StringComparison.Ordinal);
        Assert.Contains("| budi | on-call engineer | +62 812 0000 0001 | budi@shop.example | — |", md, StringComparison.Ordinal);
        Assert.Contains("| `reason` | string | required | — | why |", md, StringComparison.Ordinal);
        Assert.Contains("| `mode` | string | `fast` | `fast`, `safe` | — |", md, StringComparison.Ordinal);
        Assert.Contains("1. Ask for approval: “Restore production for ${params.reason}?”, approved by 2 different people. If it fails: stop here. (step `approve-1`)", md, StringComparison.Ordinal);
        Assert.Contains("5. Run the program `pg_dump` with arguments `--password=***`, with the variables PGPASSWORD set; exit codes 0, 1 count as success, at most 30m. If it fails: go on with the next step. (step `dump`)", md, StringComparison.Ordinal);
        Assert.Contains("6. Send `GET https://shop.example/health` and check: `[STATUS] == 200`, at most 30m.", md, StringComparison.Ordinal);
        Assert.Contains("7. Wait until check **api** passes, at most 5m. If it fails: follow runbook **rollback**, then stop.", md, StringComparison.Ordinal);
        Assert.Contains("8. Tell **budi** (+62 812 0000 0001, budi@shop.example): “dump at ${steps.dump.output}”", md, StringComparison.Ordinal);
        Assert.Contains("9. Take a backup of job **db** now (`jaga backup run db`)", md, StringComparison.Ordinal);
        Assert.Contains("10. Write to the maintenance log (WARN): “restored”. If it fails: stop here. (step `log-10`)", md, StringComparison.Ordinal);
        Assert.Contains("11. Wait 30s. If it fails: stop here. (step `sleep-11`)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Indonesian_procedure_is_worded_in_indonesian()
    {
        var md = RunbookDocument.Markdown(Loaded, Recover, "id");

        Assert.Contains("Untuk saat check **api** mati selama 3m. `jaga run` memulainya sendiri saat itu, sekali per insiden", md, StringComparison.Ordinal);
        Assert.Contains("## Kontak", md, StringComparison.Ordinal);
        Assert.Contains("| Nama | Tipe | Bawaan | Nilai yang boleh | Arti |", md, StringComparison.Ordinal);
        Assert.Contains("1. Minta persetujuan: “Restore production for ${params.reason}?”, disetujui oleh 2 orang yang berbeda. Jika gagal: berhenti di sini.", md, StringComparison.Ordinal);
        Assert.Contains("Tanpa Jaga:", md, StringComparison.Ordinal);
        Assert.DoesNotContain("If it fails", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_of_an_encrypted_postgres_job_gives_the_age_zstd_psql_pipeline_without_the_password()
    {
        var md = RunbookDocument.Markdown(Loaded, Recover, "en");

        Assert.Contains("2. Restore the newest backup of job **db** into `${DATABASE_URL}`", md, StringComparison.Ordinal);
        Assert.Contains("   set -a; . ./.env; set +a", md, StringComparison.Ordinal);
        Assert.Contains("   FILE=$(ls -t backup/db_*.sql.zst.age | head -n 1)   # the newest backup", md, StringComparison.Ordinal);
        Assert.Contains("   age -d -i ~/.config/jaga/age.key \"$FILE\" | zstd -d | psql -X -v ON_ERROR_STOP=1 \"${DATABASE_URL}\"", md, StringComparison.Ordinal);
        Assert.Contains($"   cd \"{Plans.Folder}\"", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_of_sqlite_and_of_files_on_s3_gives_their_own_commands()
    {
        var md = RunbookDocument.Markdown(Loaded, Recover, "en");

        Assert.Contains("3. Restore the newest verified backup of job **app** into `data/app.db`", md, StringComparison.Ordinal);
        Assert.Contains("   zstd -dc \"$FILE\" > \"data/app.db\"", md, StringComparison.Ordinal);
        Assert.Contains("   # copy the newest files_*.tar.gz and its .manifest.json from offsite (s3://shop-backups/jaga) to this machine", md, StringComparison.Ordinal);
        Assert.Contains("   gzip -dc \"$FILE\" | tar -x -C \"/srv/shop\"", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_url_target_is_printed_without_its_password()
    {
        var plan = Plans.Valid(RunbookBindingTests.World.Replace("{ sqlite: data/app.db }", "{ postgres: \"postgres://shop:pw-in-plan@db:5432/shop\" }", StringComparison.Ordinal)
            + "    - { name: rb, steps: [{ restore: { backup: db, into: \"postgres://shop:pw-in-plan@scratch:5432/shop\" } }] }\n");

        var md = RunbookDocument.Markdown(plan, plan.Plan.Emergency.Runbooks[0], "en");

        Assert.Contains("zstd -dc \"$FILE\" | psql -X -v ON_ERROR_STOP=1 \"postgres://shop@scratch:5432/shop\"   # the client asks for the password", md, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-in-plan", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_form_says_the_same_without_markdown_marks()
    {
        var text = RunbookDocument.Text(Loaded, Recover, "en");

        Assert.StartsWith("Runbook recover — shop\n======================\n", text, StringComparison.Ordinal);
        Assert.Contains("budi  on-call engineer  +62 812 0000 0001  budi@shop.example  —", text, StringComparison.Ordinal);
        Assert.Contains("9. Take a backup of job db now (jaga backup run db)", text, StringComparison.Ordinal);
        Assert.Contains("       zstd -dc \"$FILE\" > \"data/app.db\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| ---", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_trigger_is_said_in_words()
    {
        var rollback = RunbookDocument.Markdown(Loaded, Loaded.Plan.Emergency.Find("rollback")!, "en");
        var heartbeat = Plans.Valid(RunbookBindingTests.World + "    - { name: rb, trigger: { heartbeat: nightly }, steps: [{ run: a }] }\n");
        var manual = Plans.Valid(RunbookBindingTests.World + "    - { name: rb, steps: [{ run: a }] }\n");

        Assert.Contains("For when a run of backup job **db** fails.", rollback, StringComparison.Ordinal);
        Assert.Contains("For when heartbeat **nightly** misses its ping.", RunbookDocument.Markdown(heartbeat, heartbeat.Plan.Emergency.Runbooks[0], "en"), StringComparison.Ordinal);
        Assert.Contains("Started by hand.", RunbookDocument.Markdown(manual, manual.Plan.Emergency.Runbooks[0], "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_document_lists_contacts_once_and_each_runbook_as_its_procedure()
    {
        var md = PlanDocument.Markdown(Loaded, "en");

        Assert.Single(md.Split("### Contacts").Skip(1));
        Assert.Contains("### Runbook recover — shop", md, StringComparison.Ordinal);
        Assert.Contains("#### Steps", md, StringComparison.Ordinal);
        Assert.Contains("### Runbook rollback — shop", md, StringComparison.Ordinal);
    }
}
