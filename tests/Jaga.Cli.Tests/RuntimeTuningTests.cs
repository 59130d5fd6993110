namespace Jaga.Cli.Tests;

/// <summary>Which command a command line names, so only <c>jaga run</c> gets the daemon's thread-pool setting.</summary>
public sealed class RuntimeTuningTests
{
    [Theory]
    [InlineData("run", "run")]
    [InlineData("run --plan /etc/jaga/jaga.yaml", "run")]
    [InlineData("--plan run run", "run")]
    [InlineData("-p jaga.yaml --json run --once", "run")]
    [InlineData("--lang id run", "run")]
    [InlineData("backup run db", "backup")]
    [InlineData("--plan x.yaml migrate import --from out", "migrate")]
    [InlineData("--json", null)]
    [InlineData("", null)]
    public void The_command_is_the_first_argument_that_is_no_option_or_its_value(string line, string? command)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(command, RuntimeTuning.Command(args));
    }

    [Theory]
    [InlineData("run --plan jaga.yaml", true)]
    [InlineData("--json run", true)]
    [InlineData("run --once --plan jaga.yaml", false)]
    [InlineData("backup run db", false)]
    [InlineData("migrate import --from out --into postgres://db", false)]
    public void Only_the_daemon_gets_its_thread_pool_setting(string line, bool daemon)
    {
        Assert.Equal(daemon, RuntimeTuning.Daemon(line.Split(' ')));
    }
}
