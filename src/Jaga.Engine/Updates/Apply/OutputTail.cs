using System.Text;

namespace Jaga.Engine.Updates.Apply;

/// <summary>The last lines of a command's output that a rollback's log line carries: enough to see why the tests failed,
/// short enough for one line of the maintenance log.</summary>
public static class OutputTail
{
    /// <summary>The most a tail holds, in UTF-8 bytes.</summary>
    public const int MaxBytes = 2 * 1024;

    /// <summary>The end of <paramref name="output"/>, at most <see cref="MaxBytes"/> bytes, starting at a line's start
    /// when one is within that span; trailing blank lines dropped.</summary>
    public static string Of(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = output.TrimEnd();
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes) return text;
        // Walk back from the end until the budget is spent, never splitting a surrogate pair.
        var start = text.Length;
        var bytes = 0;
        while (start > 0)
        {
            var width = char.IsLowSurrogate(text[start - 1]) && start > 1 ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(start - width, width));
            if (bytes + size > MaxBytes) break;
            bytes += size;
            start -= width;
        }
        var tail = text[start..];
        var line = tail.IndexOf('\n', StringComparison.Ordinal);
        return line >= 0 && line < tail.Length - 1 ? tail[(line + 1)..] : tail;
    }
}
