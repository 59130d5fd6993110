namespace Jaga.Core.Storage;

/// <summary>An enum member as the stores keep it: its name in lower case, read back exactly.</summary>
internal static class StoredWord
{
    public static string Text<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Text(value), text, StringComparison.Ordinal)) return value;
        throw new FormatException($"'{text}' is not a stored {typeof(T).Name}");
    }
}
