using Jaga.Core.Errors;

namespace Jaga.Engine.Migration.Import;

/// <summary>The import failed for a reason outside the export and the user's input: the connection to the target was
/// lost, or ANALYZE failed after the load. <c>jaga migrate import</c> exits 1 for it (not 2): running it again may
/// succeed. What was committed is listed in the hint.</summary>
public sealed class ImportInterruptedException(string message, string hint, IReadOnlyList<string> finished, Exception? inner = null)
    : UserException(message, hint, inner)
{
    /// <summary>The tables committed before it failed.</summary>
    public IReadOnlyList<string> Finished { get; } = finished;
}
