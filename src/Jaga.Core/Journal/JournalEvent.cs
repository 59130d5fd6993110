using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal;

/// <summary>One kind of act the maintenance log records: its audit kind, its severity, its message (a catalog text in
/// English and Indonesian) with the arguments that fill it, and the structured data stored beside it.</summary>
/// <remarks>Each kind of event is a sealed record under <c>Journal/Events/</c> that names its kind and message once, so a
/// call site only says what happened. The kinds are the ones audit chains already hold: they never change.</remarks>
public abstract record JournalEvent
{
    /// <param name="kind">The audit kind stored with the entry (<c>backup.run</c>, <c>monitor.state</c>).</param>
    /// <param name="messageKey">The key of the message in <see cref="Catalog"/>.</param>
    /// <param name="level">How the line is marked: INFO, WARN or ERROR.</param>
    protected JournalEvent(string kind, string messageKey, Severity level)
    {
        Kind = kind;
        MessageKey = messageKey;
        Level = level;
    }

    /// <summary>The audit kind stored with the entry; several events may share one (<c>backup.run</c>).</summary>
    public string Kind { get; }

    /// <summary>The key of the message in <see cref="Catalog"/>, which holds it in every language.</summary>
    public string MessageKey { get; }

    public Severity Level { get; }

    /// <summary>The message's arguments, in the order of its placeholders (<c>{0}</c>, <c>{1}</c>…). A
    /// <see cref="Phrase"/> among them is worded in the reader's language too.</summary>
    public abstract IReadOnlyList<object?> Arguments { get; }

    /// <summary>Details stored with the entry for queries and audits (redacted like the message).</summary>
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>The message in the language of <paramref name="catalog"/>.</summary>
    public string Message(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Format(MessageKey, [.. Arguments]);
    }
}
