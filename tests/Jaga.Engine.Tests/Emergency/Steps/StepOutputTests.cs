using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

public sealed class StepOutputTests
{
    private const string Secret = "s3cr3t-T0ken-value";

    [Fact]
    public void Lines_split_across_writes_are_handed_over_whole_and_masked()
    {
        var lines = new List<string>();
        var output = new StepOutput(new Redactor([Secret]), lines.Add);

        output.Write("first s3cr3t-T0");
        output.Write("ken-value done\r\nsec");
        output.Write("ond");
        output.Close("");

        Assert.Equal(["first *** done", "second"], lines);
        Assert.Equal("first *** done\r\nsecond\n", output.Text(n => $"[{n}]"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(4096)]
    [InlineData(16385)]
    public void A_secret_in_a_long_line_is_masked_wherever_the_line_is_cut(int chunk)
    {
        var pieces = new List<string>();
        var output = new StepOutput(new Redactor([Secret]), pieces.Add);
        // About 100 000 characters on one line, the secret at ever-shifting offsets.
        var line = string.Concat(Enumerable.Range(0, 3000).Select(i => $"p{i}-{Secret}-")) + "\n";

        for (var at = 0; at < line.Length; at += chunk) output.Write(line.AsSpan(at, Math.Min(chunk, line.Length - at)));
        output.Close("");

        var all = string.Concat(pieces);
        Assert.True(pieces.Count > 1, "the long line is handed over in pieces");
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        Assert.Equal(3000, all.Split(Redactor.Mask).Length - 1);
    }

    [Fact]
    public void Text_written_after_close_is_ignored()
    {
        var output = new StepOutput(Redactor.None, null);
        output.Write("kept\n");
        output.Close("from stderr");
        output.Write("late\n");

        Assert.Equal("kept\nfrom stderr\n", output.Text(n => ""));
    }
}
