using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Apply;

/// <summary>What applying would change, without writing anything: <c>jaga deps update --dry-run</c>.</summary>
/// <param name="Changes">Each manifest the updates edit, with its text before and after all of them (lock files are not
/// shown: their tools rewrite them only when the updates are applied).</param>
/// <param name="Skipped">The updates that would not be tried, and why.</param>
public sealed record UpdatePreview(IReadOnlyList<ManifestChange> Changes, IReadOnlyList<UpdateOutcome> Skipped)
{
    /// <summary>The preview of <paramref name="groups"/> in the project at <paramref name="root"/> as it is now.</summary>
    /// <param name="root">The project root.</param>
    /// <param name="groups">The updates, grouped as for <see cref="UpdateApplier.ApplyAsync"/>.</param>
    /// <param name="words">The language of the reasons.</param>
    public static UpdatePreview Of(string root, IReadOnlyList<UpdateGroup> groups, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var full = Path.GetFullPath(root);
        var skipped = new List<UpdateOutcome>();
        var ready = new List<Core.Updates.PlannedUpdate>();
        foreach (var group in groups)
        {
            foreach (var update in group.Updates)
            {
                if (ManifestEdits.Refusal(full, update, words) is { } refusal) skipped.Add(new UpdateOutcome(update, group.Name, UpdateResult.Skipped, refusal));
                else ready.Add(update);
            }
        }
        return new UpdatePreview(ManifestEdits.Apply(full, ready), skipped);
    }
}
