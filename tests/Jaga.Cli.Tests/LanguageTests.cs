using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>In Indonesian, the commands a user reads every day say everything in Indonesian: their headers, state words,
/// notes and summaries, and the details Jaga writes into results and log lines, with times in the plan's zone.</summary>
public sealed class LanguageTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: Asia/Jakarta
        {0}
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - name: db
            source: { sqlite: data/app.db }
            schedule: "0 2 * * *"
            to: [local]
        monitoring:
          checks:
            - name: nightly
              heartbeat: { every: 1h, grace: 10m }
            - name: db-fresh
              backup: db
              max_age: 26h
        """;

    /// <summary>English words and phrases of Jaga's own texts that an Indonesian reader must not meet. Identifiers stay as
    /// they are (job and check names, kinds such as <c>heartbeat</c>, <c>sqlite</c>, the plan's keys, <c>jaga monitor status</c>).</summary>
    private static readonly string[] English =
    [
        "never", "failing", "nothing", "last success", "last run", "last ping", "last seen", "next due", "waiting", "no ping",
        "backup finished", "database backup", "not down", "is down", "check(s)", "job(s)", "destination(s)", "channel(s)",
        "secret value", "hidden", "time zone", "language", "project", "schedule", "destinations", "verified", "succeeded",
        "expected", "ago", "until", "no good backup", "details", "makes one", "no backups", "the plan", "reason", "since",
        "size", "artifact", "kind", "result", "started", "source", "where", "stored", "complete", "unknown", "failed",
        "was", "absent", "warning", "time", "up", "now", "check",
    ];

    [Theory]
    [InlineData("language: id", new string[0])]
    [InlineData("language: en", new[] { "--lang", "id" })]
    public async Task Validate_backup_list_monitor_status_and_status_speak_Indonesian(string language, string[] lang)
    {
        using var ws = new Workspace(Plan.Replace("{0}", language, StringComparison.Ordinal));
        MakeDatabase(ws);
        var outputs = new List<(string Command, JagaResult Result)>();
        async Task<JagaResult> Run(params string[] args)
        {
            var r = await ws.Jaga([.. args, .. lang]);
            outputs.Add((string.Join(' ', args), r));
            return r;
        }

        var valid = await Run("validate");
        Assert.True(valid.Code == 0, valid.ToString());
        Assert.Contains("1 job backup, 1 lokasi backup, 2 pemeriksaan, 0 runbook, 0 kanal notifikasi", valid.Out);
        Assert.Contains("zona waktu Asia/Jakarta, bahasa", valid.Out);
        Assert.Contains("belum ada backup; 'jaga backup run' membuatnya", (await Run("backup", "list")).Out);
        Assert.Contains("belum ada backup db; 'jaga backup run db' membuatnya", (await Run("backup", "list", "db")).Out);
        var before = await Run("status");
        Assert.Contains("belum pernah jalan", before.Out);
        Assert.Contains("HEARTBEAT\tPING TERAKHIR\tJENIS", before.Out);
        var backup = await Run("backup", "run", "db");
        Assert.True(backup.Code == 0, backup.ToString());
        var list = await Run("backup", "list");
        Assert.Contains("ID\tJOB\tWAKTU\tUKURAN\tLOKASI\tTERVERIFIKASI\tSTATUS\tARTEFAK", list.Out);
        Assert.Contains("\tbelum\tlengkap\t", list.Out);
        var probed = await Run("monitor", "check");
        Assert.Contains("PEMERIKSAAN\tJENIS\tHASIL\tWAKTU\tKETERANGAN", probed.Out);
        Assert.Contains("[CONNECTED] == true tidak terpenuhi: [CONNECTED] bernilai false", probed.Out);
        var monitor = await Run("monitor", "status");
        Assert.Contains("PEMERIKSAAN\tJENIS\tKEADAAN\tSEJAK\t24 JAM\t7 HARI\t30 HARI\tP95\tKETERANGAN", monitor.Out);
        // 2025-11-14 19:00 UTC is 02:00 in Jakarta; the heartbeat waits every + grace from then.
        Assert.Contains("belum ada ping; menunggu sampai 2025-11-15 03:10 Asia/Jakarta", monitor.Out);
        Assert.Contains("belum pernah diverifikasi", monitor.Out);
        var status = await Run("status");
        Assert.Contains("Pemeriksaan: 2 dari 2 tidak down (rincian: jaga monitor status).", status.Out);
        Assert.Contains("\tberhasil\t", status.Out);
        Assert.Contains("Tidak ada yang gagal.", status.Out);

        var printed = string.Join('\n', outputs.Select(o => o.Result.Out + o.Result.Err));
        var log = File.ReadAllText(ws.LogPath);
        Assert.Contains("Backup database selesai: ", log);
        var found = English.Where(w => Word(w).IsMatch(printed) || Word(w).IsMatch(log)).ToList();
        var shown = string.Join('\n', outputs.Select(o => $"$ jaga {o.Command}\n{o.Result.Out}{o.Result.Err}"));
        Assert.True(found.Count == 0, $"English left: {string.Join(", ", found)}\n{shown}\n--- log\n{log}");
    }

    [Fact]
    public async Task The_same_commands_in_English_keep_their_English_texts()
    {
        using var ws = new Workspace(Plan.Replace("{0}", "language: id", StringComparison.Ordinal));
        MakeDatabase(ws);

        var valid = await ws.Jaga("validate", "--lang", "en");
        Assert.Contains("1 backup job(s), 1 destination(s), 2 check(s), 0 runbook(s), 0 notify channel(s)", valid.Out);
        Assert.Contains("no backups yet; 'jaga backup run' makes one", (await ws.Jaga("backup", "list", "--lang", "en")).Out);
        await ws.Jaga("monitor", "check", "--lang", "en");
        var monitor = await ws.Jaga("monitor", "status", "--lang", "en");
        Assert.Contains("CHECK\tKIND\tSTATE\tSINCE\t24H\t7D\t30D\tP95\tREASON", monitor.Out);
        Assert.Contains("no ping yet; waiting until 2025-11-15 03:10 Asia/Jakarta", monitor.Out);
        Assert.Contains("no good backup of db yet", monitor.Out);
    }

    private static void MakeDatabase(Workspace ws)
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using var c = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO orders (total) VALUES (10), (20);";
        cmd.ExecuteNonQuery();
    }

    private static Regex Word(string phrase) =>
        new($@"(?<![\p{{L}}\p{{N}}_-]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
