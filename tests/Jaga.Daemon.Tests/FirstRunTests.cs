using System.Diagnostics;
using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>The README's first command, <c>jaga run --plan examples/tokoku/jaga.yaml</c>, on a fresh copy of the example:
/// what it promises within the first minute, and the daemon's console in the seed's format.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task The_readme_first_command_verifies_the_example_database_backup_within_its_first_minute()
    {
        using var project = new DaemonProject();
        var plan = CopyExample(project.Dir, project.Port);
        var clock = Stopwatch.StartNew();
        using var daemon = new RunningJaga(plan, project.Dir, ["run"]);

        var log = Path.Combine(project.Dir, "logs", "maintenance.log");
        string[] Lines() => File.Exists(log) ? File.ReadAllLines(log) : [];
        await Poll.UntilAsync(() => daemon.HasExited || Lines().Any(l => l.Contains("[INFO] Backup terverifikasi: ", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60) - clock.Elapsed, () => "no verification in the log:\n" + string.Join('\n', Lines()) + "\n--- console\n" + daemon.Output);
        var list = await ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", plan, "--json", "backup", "list", "db"], TimeSpan.FromSeconds(120), project.Dir);

        Assert.False(daemon.HasExited, daemon.Output);
        var lines = Lines();
        var backedUp = Array.FindIndex(lines, l => l.Contains("[INFO] Backup database selesai: backup/db_", StringComparison.Ordinal));
        var verified = Array.FindIndex(lines, l => l.Contains("[INFO] Backup terverifikasi: ", StringComparison.Ordinal));
        Assert.InRange(backedUp, 0, verified - 1);
        Assert.DoesNotContain(lines, l => l.Contains("Belum ada yang diverifikasi", StringComparison.Ordinal));
        Assert.True(list.ExitCode == 0, list.Output);
        var db = Assert.Single(JsonNode.Parse(list.Output)!.AsArray());
        Assert.NotNull((string?)db!["verified"]);
    }

    [Fact]
    public async Task The_console_shows_each_maintenance_line_once_in_the_seed_format()
    {
        using var project = new DaemonProject();
        project.WritePlan("backup:\n  - { name: files, source: { files: [data/] }, schedule: \"0 2 * * *\", to: [local] }");
        var daemon = await project.StartAsync();

        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Files backup finished", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), () => daemon.Output);
        await Poll.UntilAsync(() => daemon.Output.Contains("Files backup finished", StringComparison.Ordinal), TimeSpan.FromSeconds(10), () => daemon.Output);

        var console = daemon.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.DoesNotContain(console, l => l.Contains("Jaga.MaintenanceLog", StringComparison.Ordinal) || l.StartsWith("info:", StringComparison.Ordinal));
        foreach (var line in project.LogLines())
            Assert.True(console.Count(c => c == line) == 1, $"'{line}' not once on the console:\n{daemon.Output}");
    }

    [Fact]
    public async Task Under_journald_the_console_leaves_time_and_level_to_the_journal()
    {
        using var project = new DaemonProject();
        project.WritePlan("backup:\n  - { name: files, source: { files: [data/] }, schedule: \"0 2 * * *\", to: [local] }");
        using var daemon = new RunningJaga(project.PlanPath, project.Dir, ["run"], new Dictionary<string, string> { ["JOURNAL_STREAM"] = "8:4242" });

        await Poll.UntilAsync(() => daemon.HasExited || daemon.Output.Contains("Files backup finished", StringComparison.Ordinal), TimeSpan.FromSeconds(60), () => daemon.Output);

        var console = daemon.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(console, l => l.StartsWith("<6>Jaga daemon started: node ", StringComparison.Ordinal));
        Assert.Contains(console, l => l.StartsWith("<6>Files backup finished: backup/", StringComparison.Ordinal));
        Assert.DoesNotContain(console, l => l.Contains("[INFO]", StringComparison.Ordinal) || l.Contains("Jaga.MaintenanceLog", StringComparison.Ordinal));
    }

    /// <summary>A copy of examples/tokoku as the repository holds it (no state, logs or backups of an earlier run), listening
    /// on a free port instead of 8080 so that tests and a developer's own run do not collide.</summary>
    private static string CopyExample(string to, int port)
    {
        var from = Path.Combine(RepoRoot(), "examples", "tokoku");
        bool Generated(string path) => Path.GetRelativePath(from, path).Split(Path.DirectorySeparatorChar)[0] is ".jaga" or "logs" or "backup";
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Where(d => !Generated(d)))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !Generated(f)))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        var plan = Path.Combine(to, "jaga.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("127.0.0.1:8080", $"127.0.0.1:{port}", StringComparison.Ordinal));
        return plan;
    }

    private static string RepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Jaga.slnx"))) return dir;
        throw new InvalidOperationException("the repository root (with Jaga.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
