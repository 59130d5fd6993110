using Jaga.Core.Ports;
using Jaga.Postgres.Backup;

namespace Jaga.Sources.Tests;

/// <summary>Which pg_dump goes with which server: its own major version, else the newest newer one, never an older one.</summary>
public sealed class PgToolsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-pgtools-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static PgTool Tool(int major, string path = "") =>
        new("pg_dump", path.Length > 0 ? path : $"/usr/lib/postgresql/{major}/bin/pg_dump", $"{major}.3", major);

    [Fact]
    public void The_servers_own_major_version_is_preferred_over_newer_ones() =>
        Assert.Equal(15, PgTools.Choose("pg_dump", [Tool(17), Tool(15), Tool(16)], 15).Major);

    [Fact]
    public void Without_the_servers_own_version_the_newest_newer_one_is_taken() =>
        Assert.Equal(17, PgTools.Choose("pg_dump", [Tool(16), Tool(17), Tool(13)], 15).Major);

    [Fact]
    public void Of_two_with_the_same_version_the_first_found_is_taken() =>
        Assert.Equal("/a/pg_dump", PgTools.Choose("pg_dump", [Tool(15, "/a/pg_dump"), Tool(15, "/b/pg_dump")], 15).Path);

    [Fact]
    public void Only_older_versions_fail_naming_the_version_to_install_and_what_was_found()
    {
        var e = Assert.Throws<BackupSourceException>(() => PgTools.Choose("pg_dump", [Tool(13), Tool(14)], 15));

        Assert.StartsWith("no pg_dump of version 15 or newer found in PATH or /usr/lib/postgresql/*/bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("14.3 at /usr/lib/postgresql/14/bin/pg_dump", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("install postgresql-client-15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void None_at_all_fails_naming_the_version_to_install() =>
        Assert.Equal("no psql of version 16 or newer found in PATH or /usr/lib/postgresql/*/bin; install postgresql-client-16",
            Assert.Throws<BackupSourceException>(() => PgTools.Choose("psql", [], 16)).Message);

    [Theory]
    [InlineData("pg_dump (PostgreSQL) 15.8 (Debian 15.8-1.pgdg120+1)", "15.8", 15)]
    [InlineData("pg_dump (PostgreSQL) 17.2", "17.2", 17)]
    [InlineData("psql (PostgreSQL) 9.6.24", "9.6.24", 9)]
    [InlineData("pg_restore (PostgreSQL) 18beta1", "18", 18)]
    public void Version_lines_are_read(string line, string version, int major) =>
        Assert.Equal<(string, int)?>((version, major), PgTools.ParseVersion(line));

    [Fact]
    public void A_line_that_is_no_version_is_not_read() => Assert.Null(PgTools.ParseVersion("bash: pg_dump: command not found"));

    [Fact]
    public async Task A_folder_with_only_an_older_pg_dump_fails_with_what_to_install()
    {
        var fake = Path.Combine(dir, "pg_dump");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 12.3'\n");
        File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);

        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new PgTools([dir, Path.Combine(dir, "missing")]).FindAsync("pg_dump", 15));

        Assert.Equal($"no pg_dump of version 15 or newer found in PATH or /usr/lib/postgresql/*/bin (found only 12.3 at {fake}); install postgresql-client-15", e.Message);
    }

    [Fact]
    public async Task The_search_stops_at_the_first_program_of_the_servers_version_without_asking_the_later_folders()
    {
        var asked = Path.Combine(dir, "later-was-asked");
        var own = await Fake("own", "echo 'pg_dump (PostgreSQL) 15.4'");
        var later = await Fake("later", $"touch '{asked}'; echo 'pg_dump (PostgreSQL) 16.1'");

        var tool = await new PgTools([own, later]).FindAsync("pg_dump", 15);

        Assert.Equal(Path.Combine(own, "pg_dump"), tool.Path);
        Assert.Equal("15.4", tool.Version);
        Assert.False(File.Exists(asked), "the folder after the one with the server's own version was searched too");
    }

    [Fact]
    public async Task Without_the_servers_own_version_every_folder_is_searched_and_the_newest_newer_one_taken()
    {
        var a = await Fake("a", "echo 'pg_dump (PostgreSQL) 16.1'");
        var b = await Fake("b", "echo 'pg_dump (PostgreSQL) 17.2'");

        Assert.Equal("17.2", (await new PgTools([a, b]).FindAsync("pg_dump", 15)).Version);
    }

    /// <summary>A folder <paramref name="name"/> holding a pg_dump that runs <paramref name="script"/>; returns the folder.</summary>
    private async Task<string> Fake(string name, string script)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, name)).FullName;
        var path = Path.Combine(folder, "pg_dump");
        await File.WriteAllTextAsync(path, $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return folder;
    }

    [Fact]
    public async Task The_installed_tools_are_found_with_their_versions()
    {
        var tool = await PgTools.Default.FindAsync("pg_dump", 15);

        Assert.Equal(15, tool.Major);
        Assert.True(File.Exists(tool.Path));
    }
}
