namespace Jaga.Core.Updates.Manifests;

/// <summary>A member of a <see cref="JsonObject"/>: its name, where the name is written, and its value.</summary>
internal sealed record JsonMember(string Name, int Offset, JsonItem Value);
