using System.Globalization;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>Debian's monitoring-plugins-basic, run unchanged by the command probe.</summary>
public sealed class CommandProbeTests
{
    private const string Plugins = "/usr/lib/nagios/plugins";

    [Theory]
    [InlineData(0, "OK")]
    [InlineData(1, "WARNING")]
    [InlineData(2, "CRITICAL")]
    [InlineData(3, "UNKNOWN")]
    public async Task Check_dummy_exit_code_and_text_come_through(int state, string word)
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: dummy\n  command: {Plugins}/check_dummy {state} 'hello there'");
        var seen = await world.ObserveAsync("dummy");
        Assert.True(seen.Connected);
        Assert.Equal(state, seen.ExitCode);
        Assert.Equal($"{word}: hello there", seen.Body!.Trim());
    }

    [Fact]
    public async Task Check_load_performance_data_becomes_values()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: load\n  command: {Plugins}/check_load -w 999,999,999 -c 1000,1000,1000");
        var seen = await world.ObserveAsync("load");
        Assert.Equal(0, seen.ExitCode);
        Assert.StartsWith("LOAD OK", seen.Body, StringComparison.Ordinal);
        foreach (var label in new[] { "load1", "load5", "load15" })
            Assert.InRange(double.Parse(seen.Values[label], CultureInfo.InvariantCulture), 0, 999);
    }

    [Fact]
    public async Task Check_disk_and_check_procs_report_their_values()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: disk
              command: {Plugins}/check_disk -w 1% -c 1% -p /
            - name: procs
              command: {Plugins}/check_procs -w 1000000
            """);
        var disk = await world.ObserveAsync("disk");
        Assert.Equal(0, disk.ExitCode);
        Assert.True(double.Parse(disk.Values["/"], CultureInfo.InvariantCulture) > 0);
        var procs = await world.ObserveAsync("procs");
        Assert.Equal(0, procs.ExitCode);
        Assert.True(int.Parse(procs.Values["procs"], CultureInfo.InvariantCulture) > 1);
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_with_its_children()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: hang\n  command: sleep 300 & sleep 301; wait\n  timeout: 1s");
        var seen = await world.ObserveAsync("hang");
        Assert.False(seen.Connected);
        Assert.Equal("timed out after 1s", seen.Error);
        Assert.Equal(0, await LeftAsync("sleep\0300\0", "sleep\0301\0"));
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_with_a_grandchild_that_left_its_parent()
    {
        // The subshell exits at once: its sleep is nobody's child any more, so no walk of the process tree finds it; its
        // process group still does.
        await using var world = await ProbeWorld.CreateAsync("- name: orphan\n  command: '(sleep 292 &); sleep 291'\n  timeout: 1s");
        var seen = await world.ObserveAsync("orphan");
        Assert.Equal("timed out after 1s", seen.Error);
        Assert.Equal(0, await LeftAsync("sleep\0292\0", "sleep\0291\0"));
    }

    /// <summary>How many processes with these command lines still run. SIGKILL is sent before the probe returns, but on a
    /// loaded machine the kernel may take a moment to end them: they get up to 5 s to go (a sleep nobody killed would stay
    /// for minutes).</summary>
    private static async Task<int> LeftAsync(params string[] cmdlines)
    {
        int Left() => Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit))
            .Count(d => cmdlines.Contains(ReadCmdline(d)));
        for (var waited = 0; Left() > 0 && waited < 5000; waited += 100) await Task.Delay(100);
        return Left();
    }

    private static string ReadCmdline(string dir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, "cmdline"));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
