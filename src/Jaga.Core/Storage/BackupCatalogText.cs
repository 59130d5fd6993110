using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>The words the catalog's states are stored and shown as: the member name in lower case
/// (<c>complete</c>, <c>pruned</c>), so a table read by hand or by SQL says what it means.</summary>
public static class BackupCatalogText
{
    public static string ToText(this BackupStatus status) => StoredWord.Text(status);

    public static string ToText(this CopyState state) => StoredWord.Text(state);

    /// <summary>Reads a stored status exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static BackupStatus ParseStatus(string text) => StoredWord.Parse<BackupStatus>(text);

    /// <summary>Reads a stored copy state exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static CopyState ParseCopyState(string text) => StoredWord.Parse<CopyState>(text);
}
