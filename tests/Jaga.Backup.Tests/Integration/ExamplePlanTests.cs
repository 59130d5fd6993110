using Microsoft.Data.Sqlite;

namespace Jaga.Backup.Tests.Integration;

/// <summary>The example plan (examples/tokoku): its SQLite and files jobs, run by <c>jaga run --once</c> on a copy.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ExamplePlanTests
{
    [Fact]
    public async Task Run_once_backs_up_the_sqlite_db_and_uploads_and_the_db_decompresses_with_zstd_into_the_same_rows()
    {
        using var ws = new BackupWorkspace("", "", CopyExample());

        var run = await ws.Ok("run", "--once");

        var log = File.ReadAllText(ws.LogPath);
        Assert.Contains("Backup database selesai: backup/db_2025-11-15.db.zst", log);
        // The example's uploads job runs every hour, so its artifacts carry the time too.
        var uploads = System.Text.RegularExpressions.Regex.Match(log, @"Backup file selesai: backup/(uploads_2025-11-15_\d{6}\.tar\.zst)");
        Assert.True(uploads.Success, log);
        Assert.Contains("Backup database selesai: backup/db_2025-11-15.db.zst", run.Out);
        var db = Path.Combine(ws.LocalBackups, "db_2025-11-15.db.zst");
        var restored = Path.Combine(ws.Dir, "restored.db");
        var unzstd = await ReferenceTools.BashAsync($"zstd -q -d {ReferenceTools.Quote(db)} -o {ReferenceTools.Quote(restored)}");
        Assert.True(unzstd.ExitCode == 0, unzstd.Output);
        Assert.Equal(Products(Path.Combine(ws.Dir, "data", "app.db")), Products(restored));
        Assert.NotEmpty(Products(restored));
        var tar = await ReferenceTools.BashAsync($"zstd -q -d -c {ReferenceTools.Quote(Path.Combine(ws.LocalBackups, uploads.Groups[1].Value))} | tar -t");
        Assert.True(tar.ExitCode == 0, tar.Output);
        Assert.Contains("receipt-0001.txt", tar.Output);

        var first = RemoteDestinations.FileSha256(db);
        ws.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await ws.Ok("backup", "run", "db");

        Assert.Matches(@"Backup database selesai: backup/db_2025-11-15_\d{6}\.db\.zst", again.Out);
        Assert.Equal(first, RemoteDestinations.FileSha256(db));
        Assert.Equal(2, Directory.GetFiles(ws.LocalBackups, "db_2025-11-15*.db.zst").Length);
        foreach (var secret in (string[])["demo-password-not-real", "demo-secret-key-not-real", "demo-token"])
            Assert.DoesNotContain(secret, ws.Everything, StringComparison.Ordinal);
    }

    private static string CopyExample()
    {
        var from = Path.Combine(RepoRoot(), "examples", "tokoku");
        var to = Path.Combine(Path.GetTempPath(), "jaga-tokoku-" + Guid.NewGuid().ToString("N")[..10]);
        // Only what the repository holds: running the README's first command leaves state, logs and backups in the
        // example's folder, and a copy of them would make nothing due.
        bool Generated(string path) => Path.GetRelativePath(from, path).Split(Path.DirectorySeparatorChar)[0] is ".jaga" or "logs" or "backup";
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Where(d => !Generated(d)))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !Generated(f)))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        return to;
    }

    private static string RepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Jaga.slnx"))) return dir;
        throw new InvalidOperationException("the repository root (with Jaga.slnx) was not found above " + AppContext.BaseDirectory);
    }

    private static List<string> Products(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT * FROM products ORDER BY 1";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i).ToString())));
        return rows;
    }
}
