using System.Text;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

public sealed class OutputTailTests
{
    [Fact]
    public void A_short_output_is_kept_whole_without_trailing_blank_lines() =>
        Assert.Equal("line 1\nFAIL: expected 5", OutputTail.Of("line 1\nFAIL: expected 5\n\n"));

    [Fact]
    public void A_long_output_keeps_its_last_whole_lines_within_two_KiB()
    {
        var output = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"line {i:D4} of the test output")) + "\nFAIL: the end\n";
        var tail = OutputTail.Of(output);
        Assert.True(Encoding.UTF8.GetByteCount(tail) <= OutputTail.MaxBytes);
        Assert.True(Encoding.UTF8.GetByteCount(tail) > OutputTail.MaxBytes - 64);
        Assert.StartsWith("line ", tail, StringComparison.Ordinal);
        Assert.EndsWith("FAIL: the end", tail, StringComparison.Ordinal);
        Assert.Contains(tail.Split('\n')[0], output.Split('\n'));
    }

    [Fact]
    public void Multi_byte_text_is_counted_in_UTF8_bytes_and_never_cut_inside_a_character()
    {
        var output = string.Concat(Enumerable.Repeat("gagal 😀 é\n", 400));
        var tail = OutputTail.Of(output);
        Assert.True(Encoding.UTF8.GetByteCount(tail) <= OutputTail.MaxBytes);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(tail)));
        Assert.All(tail.Split('\n'), l => Assert.Equal("gagal 😀 é", l));
    }
}
