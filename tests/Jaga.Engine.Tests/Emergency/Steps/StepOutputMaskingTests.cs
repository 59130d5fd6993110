using Jaga.Core.Messages;
using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>A secret a command prints never leaves the runner: not to the live listener, not in the output, not in the
/// tail; and the output stays bounded whatever the command prints.</summary>
[Trait("Category", "Integration")]
public sealed class StepOutputMaskingTests
{
    private const string Secret = "s3cr3t-T0ken-value";

    private static ProcessStepRunner Runner() => new(TimeProvider.System, new Redactor([Secret]), Catalog.English);

    [Fact]
    public async Task A_planted_secret_is_masked_in_the_listener_the_output_and_the_tail()
    {
        var lines = new List<string>();

        var result = await Runner().RunAsync(ProcessSpec.Shell($"echo 'token is {Secret}'; echo 'db postgres://app:pa55word@db/main' >&2; exit 4"), lines.Add);

        Assert.Equal(["token is ***", "db postgres://app:***@db/main"], lines);
        foreach (var text in new[] { result.Output, result.Tail, result.Reason, string.Join("", lines) })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("pa55word", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_secret_in_a_line_too_long_to_keep_whole_is_masked_wherever_the_line_is_cut()
    {
        var pieces = new List<string>();
        // One line of about 200 KiB, the secret at every offset modulo its own length: whatever the pipe's chunks and the
        // runner's cuts, some occurrence falls on each boundary.
        var command = $"i=0; while [ $i -lt 4000 ]; do printf 'p%s-{Secret}-' $i; i=$((i+1)); done; echo";

        var result = await Runner().RunAsync(ProcessSpec.Shell(command) with { Timeout = TimeSpan.FromMinutes(1) }, pieces.Add);

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.True(pieces.Count > 1, "the long line is handed over in pieces");
        Assert.DoesNotContain(Secret, string.Concat(pieces), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Tail, StringComparison.Ordinal);
        // Every occurrence was masked, none lost: 4000 masks in all.
        Assert.Equal(4000, string.Concat(pieces).Split(Redactor.Mask).Length - 1);
    }

    [Fact]
    public async Task Output_stays_bounded_whatever_the_command_prints()
    {
        var lines = 0L;

        var result = await Runner().RunAsync(ProcessSpec.Shell("yes | head -c 50000000; echo end") with { Timeout = TimeSpan.FromMinutes(2) },
            _ => lines++);

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal(25_000_001, lines);
        Assert.InRange(result.Output.Length, StepOutput.HeadLimit + StepOutput.TailLimit, StepOutput.HeadLimit + StepOutput.TailLimit + 100);
        Assert.Contains("characters omitted", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("y\ny\n", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("y\nend\n", result.Output, StringComparison.Ordinal);
        Assert.InRange(result.Tail.Length, StepOutput.TailSize - 2, StepOutput.TailSize);
        Assert.EndsWith("y\nend\n", result.Tail, StringComparison.Ordinal);
    }
}
