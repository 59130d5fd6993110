namespace Jaga.Core.Plan.Yaml;

/// <summary>A node of the plan as written, with its position, before it is bound to records.</summary>
public abstract record PNode(Mark Mark);

/// <summary>A scalar; <see cref="Secret"/> is set when its value came from an env file or names a credential.</summary>
public sealed record PScalar(Mark Mark, string Value, bool Quoted, bool Secret = false) : PNode(Mark)
{
    /// <summary>The raw text before <c>${VAR}</c> interpolation.</summary>
    public string Raw { get; init; } = Value;

    /// <summary>A <c>${VAR}</c> in it could not be expanded; that error is reported once, not again as a bad value.</summary>
    public bool Unresolved { get; init; }

    /// <summary>Written on one line as plain or quoted text (not a <c>|</c> or <c>&gt;</c> block), so an offset
    /// in the value is an offset in the line from <see cref="PNode.Mark"/>.</summary>
    public bool OneLine { get; init; }

    public bool IsNull => !Quoted && Value is "" or "~" or "null";
}

public sealed record PList(Mark Mark, IReadOnlyList<PNode> Items) : PNode(Mark);

/// <summary>A mapping; keys keep their own positions so errors can point at them.</summary>
public sealed record PMap(Mark Mark, IReadOnlyList<PEntry> Entries) : PNode(Mark)
{
    public PNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;

    public PEntry? Entry(string key) => Entries.FirstOrDefault(e => e.Key == key);
}

public sealed record PEntry(string Key, Mark KeyMark, PNode Value);
