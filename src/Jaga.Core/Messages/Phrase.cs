namespace Jaga.Core.Messages;

/// <summary>A catalog text used as an argument of another message ("alert held back: <i>maintenance window nightly</i>"),
/// so that it is worded in the same language as the message around it.</summary>
/// <param name="Key">The key of the text in <see cref="Catalog"/>.</param>
/// <param name="Args">Its own arguments.</param>
public sealed record Phrase(string Key, IReadOnlyList<object?> Args)
{
    public Phrase(string key)
        : this(key, [])
    {
    }
}
