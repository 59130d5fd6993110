using DiffPlex.Renderer;
using Jaga.Core.Updates.Manifests;

namespace Jaga.Engine.Updates.Apply;

/// <summary>A manifest's text before and after the updates that edit it: what a dry run shows.</summary>
/// <param name="Path">The manifest, relative to the project root with <c>/</c> separators.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Before">Its text now.</param>
/// <param name="After">Its text with the updates.</param>
public sealed record ManifestChange(string Path, ManifestKind Kind, string Before, string After)
{
    /// <summary>The change as a unified diff (<c>--- a/PATH</c>, <c>+++ b/PATH</c>, hunks with three lines of context), as
    /// <c>git diff</c> shows it.</summary>
    public string Diff()
    {
        // DiffPlex counts the empty text after a final line break as one more line; git does not, when both texts end so.
        var trim = Before.EndsWith('\n') && After.EndsWith('\n') ? 1 : 0;
        return UnidiffRenderer.GenerateUnidiff(Before[..^trim], After[..^trim], "a/" + Path, "b/" + Path, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
    }
}
