using System.Diagnostics;
using System.Globalization;

namespace Jaga.Monitoring.Tests.Probes;

public sealed class ProcessProbeTests
{
    [Fact]
    public async Task Process_check_finds_a_running_process_by_name_and_counts_it()
    {
        using var sleeper = Sleep();
        await using var world = await ProbeWorld.CreateAsync("- name: sleeper\n  process: sleep\n- name: ghost\n  process: no-such-daemon-xyz");
        try
        {
            var seen = await world.ObserveAsync("sleeper");
            Assert.True(seen.Connected);
            Assert.True(int.Parse(seen.Values["COUNT"], CultureInfo.InvariantCulture) >= 1);
            var ghost = await world.ObserveAsync("ghost");
            Assert.False(ghost.Connected);
            Assert.Equal("process no-such-daemon-xyz not found", ghost.Error);
            Assert.Equal("0", ghost.Values["COUNT"]);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public async Task Process_check_by_pid_file_is_up_while_the_process_runs_and_says_stale_after()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: app\n  process: run/app.pid\n- name: nofile\n  process: run/none.pid");
        Directory.CreateDirectory(Path.Combine(world.Folder, "run"));
        var pidFile = Path.Combine(world.Folder, "run", "app.pid");
        using var sleeper = Sleep();
        await File.WriteAllTextAsync(pidFile, sleeper.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        var up = await world.ObserveAsync("app");
        Assert.True(up.Connected);
        Assert.Null(up.Error);
        sleeper.Kill();
        await sleeper.WaitForExitAsync();
        var stale = await world.ObserveAsync("app");
        Assert.False(stale.Connected);
        Assert.Equal($"stale pid file {pidFile}: process {sleeper.Id} is not running", stale.Error);
        var missing = await world.ObserveAsync("nofile");
        Assert.Equal($"pid file {Path.Combine(world.Folder, "run", "none.pid")} missing", missing.Error);
    }

    [Fact]
    public async Task A_multi_line_pid_file_like_postgresql_s_postmaster_pid_is_read_by_its_first_line()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: pg\n  process: data/postmaster.pid\n- name: zero\n  process: /dev/zero");
        Directory.CreateDirectory(Path.Combine(world.Folder, "data"));
        using var sleeper = Sleep();
        // postmaster.pid as PostgreSQL 15 writes it: the pid, then the data directory, start time, port, socket dir, ...
        await File.WriteAllTextAsync(Path.Combine(world.Folder, "data", "postmaster.pid"),
            $"{sleeper.Id.ToString(CultureInfo.InvariantCulture)}\n/var/lib/postgresql/15/main\n1733450000\n5432\n/var/run/postgresql\nlocalhost\n  5432001    131072\nready   \n");
        try
        {
            var up = await world.ObserveAsync("pg");
            Assert.True(up.Connected, up.Error);
            var zero = await world.ObserveAsync("zero");
            Assert.Equal("the pid file /dev/zero is a character device, not a regular file", zero.Error);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    private static Process Sleep() => Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
}
