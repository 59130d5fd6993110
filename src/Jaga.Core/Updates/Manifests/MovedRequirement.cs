namespace Jaga.Core.Updates.Manifests;

/// <summary>A requirement rewritten for a new version, or why it cannot be without changing what it means.</summary>
internal readonly record struct MovedRequirement(string? Text, string? Refusal)
{
    public static MovedRequirement To(string text) => new(text, null);

    public static MovedRequirement Refused(string reason) => new(null, reason);
}
