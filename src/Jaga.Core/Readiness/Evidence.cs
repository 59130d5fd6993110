using Jaga.Core.Messages;

namespace Jaga.Core.Readiness;

/// <summary>One fact gathered for a readiness point: its state and what it says, as a catalog text with its arguments so it
/// reads in the reader's language.</summary>
/// <param name="State">Whether it holds.</param>
/// <param name="Key">The catalog key of its text (<c>cli.checklist.env.tracked</c>).</param>
/// <param name="Args">The text's arguments.</param>
public sealed record Evidence(EvidenceState State, string Key, IReadOnlyList<object?> Args)
{
    public static Evidence Ok(string key, params object?[] args) => new(EvidenceState.Ok, key, args);

    public static Evidence Failed(string key, params object?[] args) => new(EvidenceState.Failed, key, args);

    public static Evidence Note(string key, params object?[] args) => new(EvidenceState.Note, key, args);

    public string Text(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Format(Key, [.. Args]);
    }
}
