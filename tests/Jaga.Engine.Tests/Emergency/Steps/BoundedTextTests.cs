using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

public sealed class BoundedTextTests
{
    [Fact]
    public void Short_text_is_kept_whole()
    {
        var text = new BoundedText(8, 8);
        text.Append("abc");
        text.Append("def\n");

        Assert.Equal("abcdef\n", text.Text(n => "!"));
        Assert.Equal(0, text.Omitted);
        Assert.Equal("def\n", text.Last(4));
    }

    [Fact]
    public void Long_text_keeps_its_head_and_tail_and_counts_what_fell_between()
    {
        var text = new BoundedText(4, 6);
        foreach (var part in new[] { "0123", "456", "789ab", "cdefghij", "kl" }) text.Append(part);

        Assert.Equal(22 - 4 - 6, text.Omitted);
        Assert.Equal("0123\n[12 omitted]\ngh" + "ijkl", text.Text(n => $"[{n} omitted]"));
        Assert.Equal("ijkl", text.Last(4));
    }

    [Fact]
    public void The_tail_starts_after_a_line_break_near_the_cut()
    {
        var text = new BoundedText(0, 100);
        text.Append(string.Concat(Enumerable.Range(0, 20).Select(i => $"line {i:00}\n")));

        Assert.Equal("line 18\nline 19\n", text.Last(17));
    }
}
