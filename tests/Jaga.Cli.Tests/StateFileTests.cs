using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Jaga.Cli.Tests;

/// <summary>A state database the user must fix (damaged, or a file of it read-only) is bad input, exit 2, with the file
/// named and the way out; a store that is down stays exit 1 (UserErrorTests).</summary>
public sealed class StateFileTests(ITestOutputHelper log) : IDisposable
{
    private readonly Workspace ws = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_damaged_state_database_names_the_file_and_how_to_recover(bool sqliteHeader)
    {
        Assert.Equal(0, (await ws.Jaga("log", "add", "satu")).Code);
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { ws.StatePath + "-wal", ws.StatePath + "-shm" }) File.Delete(f);
        var garbage = new byte[8192];
        new Random(12).NextBytes(garbage);
        if (sqliteHeader) "SQLite format 3\0"u8.CopyTo(garbage);
        File.WriteAllBytes(ws.StatePath, garbage);
        var r = await ws.Jaga("log");
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"the state store {ws.StatePath} is damaged", r.Err);
        Assert.Contains($"mv {ws.StatePath} {ws.StatePath}.damaged", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public async Task A_read_only_shared_memory_file_left_behind_is_named_with_the_fix()
    {
        Assert.Equal(0, (await ws.Jaga("log", "add", "satu")).Code);
        SqliteConnection.ClearAllPools();
        var shm = ws.StatePath + "-shm";
        File.WriteAllBytes(shm, []);
        // Left behind read-only (made so with the database, which is writable again). Root writes through file modes,
        // so as root the file is made immutable instead, which binds root too.
        var root = Environment.UserName == "root";
        if (root && !await Chattr("+i", shm))
        {
            log.WriteLine("not run: running as root and chattr +i is not possible here, so no file can be made read-only for root");
            return;
        }
        if (!root && !OperatingSystem.IsWindows()) File.SetUnixFileMode(shm, UnixFileMode.UserRead);
        try
        {
            var r = await ws.Jaga("log");
            Assert.True(r.Code == 2, r.ToString());
            Assert.Contains($"the state store {ws.StatePath} cannot be written: {shm} is read-only", r.Err);
            Assert.Contains($"chmod u+w {shm}", r.Err);
            Assert.Contains("removed when no jaga process runs", r.Err);
        }
        finally
        {
            if (root) await Chattr("-i", shm);
        }
    }

    private static async Task<bool> Chattr(string flag, string file)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("chattr", [flag, file]) { RedirectStandardError = true });
            await p!.WaitForExitAsync();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose() => ws.Dispose();
}
