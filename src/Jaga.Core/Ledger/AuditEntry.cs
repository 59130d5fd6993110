namespace Jaga.Core.Ledger;

/// <summary>What a pillar asks to record; the chain gives it a sequence number and hashes.</summary>
public sealed record AuditDraft(
    DateTimeOffset Time, string Actor, string Kind, Severity Level, string Message, string Line,
    IReadOnlyDictionary<string, string> Data);

/// <summary>One entry of the append-only audit chain. <see cref="Hash"/> is SHA-256 over <see cref="AuditCanonical"/>'s form, which includes <see cref="Prev"/>.</summary>
public sealed record AuditEntry(
    long Seq, DateTimeOffset Time, string Actor, string Kind, Severity Level, string Message, string Line,
    IReadOnlyDictionary<string, string> Data, string Prev, string Hash)
{
    /// <summary>The data key naming the node that wrote the entry (and whose maintenance log holds its line).</summary>
    public const string NodeKey = "node_name";

    /// <summary>The previous-hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Seals a draft as entry <paramref name="seq"/> after the entry whose hash is <paramref name="prev"/>.</summary>
    public static AuditEntry Seal(AuditDraft d, long seq, string prev)
    {
        d = StorableText.Clean(d);
        var time = ToMilliseconds(d.Time);
        var unsigned = new AuditEntry(seq, time, d.Actor, d.Kind, d.Level, d.Message, d.Line, d.Data, prev, "");
        return unsigned with { Hash = AuditCanonical.HashHex(unsigned) };
    }

    /// <summary>Whether this entry's line belongs in <paramref name="node"/>'s maintenance log. Entries from before nodes
    /// were recorded belong to every log; no node given means every entry.</summary>
    public bool IsFromNode(string? node) => node is null || !Data.TryGetValue(NodeKey, out var by) || by == node;

    /// <summary>UTC at millisecond precision: what both stores keep and what the canonical form writes.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset t)
    {
        var utc = t.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
