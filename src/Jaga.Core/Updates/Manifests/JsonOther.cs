namespace Jaga.Core.Updates.Manifests;

/// <summary>A JSON array, number or literal of a <see cref="JsonTree"/>: no manifest reads a version from one.</summary>
internal sealed record JsonOther(int Offset) : JsonItem(Offset);
