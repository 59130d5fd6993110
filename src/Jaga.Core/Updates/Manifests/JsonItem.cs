namespace Jaga.Core.Updates.Manifests;

/// <summary>A value of a <see cref="JsonTree"/>, with the offset of its first character in the text.</summary>
internal abstract record JsonItem(int Offset);
