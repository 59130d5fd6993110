namespace Jaga.Cli.Tests;

public sealed class InitAndRunTests
{
    [Fact]
    public async Task Init_detects_env_database_and_sqlite_and_writes_a_plan_that_validates()
    {
        using var ws = new Workspace("", "DATABASE_URL=postgres://app:pw-init-123@localhost:5432/app\n");
        File.Delete(ws.PlanPath);
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        File.WriteAllBytes(Path.Combine(ws.Dir, "data", "app.db"), [.. "SQLite format 3\0"u8, .. new byte[100]]);
        File.WriteAllText(Path.Combine(ws.Dir, "package.json"), "{}");
        var r = await ws.Jaga("--plan", ws.PlanPath, "init");
        Assert.True(r.Code == 0, r.ToString());
        var plan = File.ReadAllText(ws.PlanPath);
        Assert.Contains("postgres: \"${DATABASE_URL}\"", plan);
        Assert.Contains("sqlite: data/app.db", plan);
        Assert.Contains("package.json", plan);
        var v = await ws.Jaga("validate");
        Assert.True(v.Code == 0, v.ToString());
        var key = Path.Combine(ws.Dir, ".jaga", "audit.key");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public async Task Init_takes_production_values_and_leaves_dev_test_and_envrc_out()
    {
        using var ws = new Workspace("", "DATABASE_URL=postgres://app:pw-dev-1234@localhost:5432/app_dev\n");
        File.Delete(ws.PlanPath);
        File.WriteAllText(Path.Combine(ws.Dir, ".env.production"), "DATABASE_URL=postgres://app:pw-prod-1234@db.internal:5432/app\n");
        File.WriteAllText(Path.Combine(ws.Dir, ".env.test"), "DATABASE_URL=postgres://app:pw-test-1234@localhost:5432/app_test\n");
        File.WriteAllText(Path.Combine(ws.Dir, ".envrc"), "export PATH=$PWD/bin:$PATH\nlayout python3\n");
        var r = await ws.Jaga("--plan", ws.PlanPath, "init");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("env_files: [.env, .env.production]", File.ReadAllText(ws.PlanPath));
        var v = await ws.Jaga("validate");
        Assert.True(v.Code == 0, v.ToString());
        Assert.Contains("db.internal:5432/app", v.Out);
    }

    [Fact]
    public async Task Init_never_overwrites_without_force()
    {
        using var ws = new Workspace();
        var before = File.ReadAllText(ws.PlanPath);
        var r = await ws.Jaga("--plan", ws.PlanPath, "init");
        Assert.Equal(2, r.Code);
        Assert.Contains("--force", r.Err);
        Assert.Equal(before, File.ReadAllText(ws.PlanPath));
        Assert.Equal(0, (await ws.Jaga("--plan", ws.PlanPath, "init", "--force")).Code);
    }

    [Fact]
    public async Task Run_once_renders_the_plan_signs_a_checkpoint_and_verifies_the_chain_even_when_a_backup_fails()
    {
        using var ws = new Workspace();
        var r = await ws.Jaga("run", "--once");
        // The plan's PostgreSQL server does not exist: the backup fails (exit 1), is recorded, and the rest still runs.
        Assert.True(r.Code == 1, r.ToString());
        var log = File.ReadAllText(ws.LogPath);
        Assert.Contains("[ERROR] Backup db GAGAL:", log);
        Assert.DoesNotContain("s3cr3t-pw", log + r.Out + r.Err);
        Assert.Contains("[INFO] Plan dimuat:", log);
        Assert.Contains("[INFO] Checkpoint audit ditandatangani:", log);
        Assert.Contains("[INFO] Rantai audit terverifikasi:", log);
        var doc = File.ReadAllText(Path.Combine(ws.Dir, ".jaga", "maintenance-plan.md"));
        Assert.Contains("## Backup", doc);
        Assert.Contains("Jadwal & lokasi backup data.", doc);
        Assert.DoesNotContain("s3cr3t-pw", doc);
    }

    [Fact]
    public async Task Bare_jaga_shows_the_help_and_exits_2()
    {
        using var ws = new Workspace();
        var r = await ws.Jaga();
        Assert.Equal(2, r.Code);
        Assert.Contains("validate", r.Out);
        Assert.Contains("audit", r.Out);
    }

    [Fact]
    public async Task The_daemon_on_a_port_already_in_use_names_listen_and_exits_2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var ws = new Workspace(Workspace.MinimalPlan + $"\nlisten: 127.0.0.1:{port}\n");

        var r = await ws.Jaga("run");

        Assert.Equal(2, r.Code);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", r.Err);
        Assert.Contains("listen:", r.Err);
    }

    [Fact]
    public async Task Plan_render_writes_markdown_and_records_it()
    {
        using var ws = new Workspace();
        var stdout = await ws.Jaga("plan", "render");
        Assert.StartsWith("# Maintenance Plan — toko", stdout.Out, StringComparison.Ordinal);
        var english = await ws.Jaga("plan", "render", "--lang", "en");
        Assert.Contains("Schedule and location of data backups.", english.Out);
        var file = Path.Combine(ws.Dir, "MAINTENANCE.md");
        Assert.Equal(0, (await ws.Jaga("plan", "render", "--out", file)).Code);
        Assert.Contains("## Emergency", File.ReadAllText(file));
        Assert.Contains("Dokumen maintenance plan dibuat", File.ReadAllText(ws.LogPath));
        var before = File.ReadAllText(ws.PlanPath);
        var onto = await ws.Jaga("plan", "render", "--out", ws.PlanPath);
        Assert.Equal(2, onto.Code);
        Assert.Equal(before, File.ReadAllText(ws.PlanPath));
    }
}
