using Jaga.Core.Messages;
using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>A timeout or a cancellation stops the whole process group, grandchildren included, and says how.</summary>
[Trait("Category", "Integration")]
public sealed class ProcessGroupKillTests
{
    // The group's leader prints its pid (the group id) and its background grandchild's pid, then waits.
    private const string Tree = "echo pid=$$; sleep 293 & echo child=$!; sleep 294";

    [Fact]
    public async Task A_timeout_kills_the_whole_group_grandchild_included()
    {
        var runner = new ProcessStepRunner(TimeProvider.System, Redactor.None, Catalog.English);

        var result = await runner.RunAsync(ProcessSpec.Shell(Tree) with { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(StepOutcome.TimedOut, result.Outcome);
        Assert.Equal("timed out after 1s; process group stopped with SIGTERM", result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Equal(128 + 15, result.ExitCode);
        var group = GroupProbe.Number(result.Output, "pid");
        Assert.Empty(GroupProbe.LiveMembers(group));
        Assert.False(GroupProbe.IsAlive(GroupProbe.Number(result.Output, "child")));
    }

    [Fact]
    public async Task A_group_that_ignores_sigterm_gets_sigkill_after_the_grace()
    {
        var runner = new ProcessStepRunner(TimeProvider.System, Redactor.None, Catalog.English) { Grace = TimeSpan.FromMilliseconds(500) };

        var result = await runner.RunAsync(ProcessSpec.Shell("trap '' TERM; " + Tree) with { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(StepOutcome.TimedOut, result.Outcome);
        Assert.Equal("timed out after 1s; process group killed with SIGKILL after 500ms of grace", result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(8));
        Assert.Empty(GroupProbe.LiveMembers(GroupProbe.Number(result.Output, "pid")));
        Assert.False(GroupProbe.IsAlive(GroupProbe.Number(result.Output, "child")));
    }

    [Fact]
    public async Task Cancellation_kills_the_group_and_is_a_cancelled_result_not_an_exception()
    {
        using var cts = new CancellationTokenSource();
        var runner = new ProcessStepRunner(TimeProvider.System, Redactor.None, Catalog.English);

        var result = await runner.RunAsync(ProcessSpec.Shell(Tree + " ; echo never") with { Timeout = TimeSpan.FromMinutes(5) },
            line => { if (line.StartsWith("child=", StringComparison.Ordinal)) cts.Cancel(); }, cts.Token);

        Assert.Equal(StepOutcome.Cancelled, result.Outcome);
        Assert.StartsWith("cancelled after ", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; process group stopped with SIGTERM", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("never", result.Output, StringComparison.Ordinal);
        Assert.Empty(GroupProbe.LiveMembers(GroupProbe.Number(result.Output, "pid")));
        Assert.False(GroupProbe.IsAlive(GroupProbe.Number(result.Output, "child")));
    }

    [Fact]
    public async Task Without_setsid_the_visible_process_tree_is_killed_at_the_timeout()
    {
        var runner = new ProcessStepRunner(TimeProvider.System, Redactor.None, Catalog.English) { Setsid = null };

        var result = await runner.RunAsync(ProcessSpec.Shell(Tree) with { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(StepOutcome.TimedOut, result.Outcome);
        Assert.Equal("timed out after 1s; process tree killed", result.Reason);
        Assert.False(GroupProbe.IsAlive(GroupProbe.Number(result.Output, "pid")));
        Assert.False(GroupProbe.IsAlive(GroupProbe.Number(result.Output, "child")));
    }
}
