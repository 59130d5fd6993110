namespace Jaga.Core.Updates.Manifests;

/// <summary>A JSON string of a <see cref="JsonTree"/>.</summary>
/// <param name="Value">The string's value, escapes decoded.</param>
/// <param name="Offset">Where its opening quote is.</param>
/// <param name="ContentOffset">Where its characters start.</param>
/// <param name="ContentLength">How many characters are written between the quotes.</param>
/// <param name="Escaped">Whether an escape is written there.</param>
internal sealed record JsonString(string Value, int Offset, int ContentOffset, int ContentLength, bool Escaped) : JsonItem(Offset);
