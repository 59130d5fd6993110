using System.Text;
using Jaga.Core.Redaction;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>The output of a step as it arrives: cut into lines, masked by the plan's redactor, handed line by line to a
/// listener (the terminal), and kept bounded for the result. Masking happens here, before any text leaves, so neither the
/// listener, nor the output, nor the tail ever carries a secret the redactor knows.</summary>
/// <remarks>Text is masked a block of whole lines at a time (cheap for a command printing millions of short lines); a
/// line longer than <see cref="MaxLine"/> is masked and cut, keeping the last <see cref="Redactor.LongestSecret"/> characters
/// (at least 256) for the next piece so a secret is never split across two pieces masked apart. A secret that spans a line break is not masked
/// per line: secrets are single-line values. Thread-safe; once <see cref="Close"/>d, later text is ignored.</remarks>
internal sealed class StepOutput
{
    public const int HeadLimit = 32 * 1024;
    public const int TailLimit = 32 * 1024;
    public const int TailSize = 4 * 1024;
    public const int MaxLine = 16 * 1024;

    private readonly Redactor redactor;
    private readonly Action<string>? onLine;
    private readonly StringBuilder pending = new();
    private readonly BoundedText kept = new(HeadLimit, TailLimit);
    private readonly int hold;
    private readonly Lock gate = new();
    private bool closed;

    public StepOutput(Redactor redactor, Action<string>? onLine)
    {
        this.redactor = redactor;
        this.onLine = onLine;
        // Room for the longest known secret, and for a password the redactor finds by its shape (a URL's, a key=value).
        hold = Math.Max(redactor.LongestSecret, 256);
    }

    public void Write(ReadOnlySpan<char> text)
    {
        lock (gate)
        {
            if (closed || text.IsEmpty) return;
            var end = text.LastIndexOf('\n');
            if (end >= 0)
            {
                pending.Append(text[..(end + 1)]);
                var lines = pending.ToString();
                pending.Clear().Append(text[(end + 1)..]);
                Emit(lines);
            }
            else
            {
                pending.Append(text);
            }
            var limit = Math.Max(MaxLine, 2 * hold);
            if (pending.Length > limit)
            {
                // Masked whole, then cut: a secret still incomplete at the end lies in the part kept back, unmasked,
                // and is masked whole when the rest of it arrives.
                var masked = redactor.Redact(pending.ToString());
                pending.Clear().Append(masked.AsSpan(masked.Length - hold));
                Keep(masked[..^hold] + "\n");
            }
        }
    }

    /// <summary>Ends the output: the last line without a line break is kept too, then <paramref name="last"/> (what came
    /// on another channel), and nothing more is taken.</summary>
    public void Close(string last)
    {
        lock (gate)
        {
            if (closed) return;
            if (pending.Length > 0) Emit(pending.Append('\n').ToString());
            pending.Clear();
            if (last.Length > 0) Emit(last.EndsWith('\n') ? last : last + "\n");
            closed = true;
        }
    }

    /// <summary>The first and last parts, with <paramref name="marker"/> where characters were left out.</summary>
    public string Text(Func<long, string> marker)
    {
        lock (gate) return kept.Text(marker);
    }

    public string Tail()
    {
        lock (gate) return kept.Last(TailSize);
    }

    private void Emit(string lines) => Keep(redactor.Redact(lines));

    private void Keep(string masked)
    {
        kept.Append(masked);
        if (onLine is null) return;
        var start = 0;
        while (start < masked.Length)
        {
            var end = masked.IndexOf('\n', start);
            if (end < 0) end = masked.Length;
            var line = masked.AsSpan(start, end - start);
            onLine(line.EndsWith("\r") ? line[..^1].ToString() : line.ToString());
            start = end + 1;
        }
    }
}
