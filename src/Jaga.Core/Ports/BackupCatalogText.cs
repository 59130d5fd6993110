namespace Jaga.Core.Ports;

/// <summary>The words the catalog's states are stored and shown as: the member name in lower case
/// (<c>complete</c>, <c>pruned</c>), so a table read by hand or by SQL says what it means.</summary>
public static class BackupCatalogText
{
    public static string ToText(this BackupStatus status) => Text(status);

    public static string ToText(this CopyState state) => Text(state);

    /// <summary>Reads a stored status exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static BackupStatus ParseStatus(string text) => Parse<BackupStatus>(text);

    /// <summary>Reads a stored copy state exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static CopyState ParseCopyState(string text) => Parse<CopyState>(text);

    private static string Text<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    private static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Text(value), text, StringComparison.Ordinal)) return value;
        throw new FormatException($"'{text}' is not a stored {typeof(T).Name}");
    }
}
