using System.Text;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>Keeps the first <c>headLimit</c> and the last <c>tailLimit</c> characters of a text of any length, and counts
/// what fell between them: memory stays bounded whatever a command prints.</summary>
internal sealed class BoundedText(int headLimit, int tailLimit)
{
    private readonly StringBuilder head = new();
    private readonly char[] ring = new char[tailLimit];
    private int ringStart;
    private int ringCount;

    /// <summary>Characters dropped between the head and the tail.</summary>
    public long Omitted { get; private set; }

    public void Append(ReadOnlySpan<char> text)
    {
        if (head.Length < headLimit)
        {
            var take = Math.Min(text.Length, headLimit - head.Length);
            head.Append(text[..take]);
            text = text[take..];
        }
        if (text.IsEmpty) return;
        if (text.Length >= ring.Length)
        {
            Omitted += ringCount + text.Length - ring.Length;
            text[^ring.Length..].CopyTo(ring);
            (ringStart, ringCount) = (0, ring.Length);
            return;
        }
        var overflow = ringCount + text.Length - ring.Length;
        if (overflow > 0)
        {
            Omitted += overflow;
            ringStart = (ringStart + overflow) % ring.Length;
            ringCount -= overflow;
        }
        var at = (ringStart + ringCount) % ring.Length;
        var first = Math.Min(text.Length, ring.Length - at);
        text[..first].CopyTo(ring.AsSpan(at));
        text[first..].CopyTo(ring);
        ringCount += text.Length;
    }

    /// <summary>The head, then <paramref name="marker"/> on a line of its own when something was dropped, then the tail.</summary>
    public string Text(Func<long, string> marker)
    {
        var tail = Ring();
        if (Omitted == 0) return head + tail;
        var text = new StringBuilder(head.Length + tail.Length + 64).Append(head);
        if (head.Length > 0 && head[^1] != '\n') text.Append('\n');
        return text.Append(marker(Omitted)).Append('\n').Append(tail).ToString();
    }

    /// <summary>The last <paramref name="size"/> characters or so, starting after a line break when one is near the cut.</summary>
    public string Last(int size)
    {
        var tail = Ring();
        var whole = Omitted == 0 && tail.Length < size ? head + tail : tail;
        if (whole.Length <= size) return whole;
        var cut = whole.Length - size;
        var newline = whole.IndexOf('\n', cut - 1);
        return newline >= 0 && newline - cut < size / 8 ? whole[(newline + 1)..] : whole[cut..];
    }

    private string Ring()
    {
        var first = Math.Min(ringCount, ring.Length - ringStart);
        return string.Concat(ring.AsSpan(ringStart, first), ring.AsSpan(0, ringCount - first));
    }
}
