using Jaga.Core.Globbing;
using Jaga.Core.LogRetention;

namespace Jaga.Engine.Logs;

/// <summary>What one retention pass works on: a rule of <c>monitoring.logs</c>, or the maintenance log itself.</summary>
/// <param name="Name">The rule as the plan writes it (its glob), or <c>log.file</c>.</param>
/// <param name="Glob">The glob, resolved against the plan's folder.</param>
/// <param name="Policy">When to rotate, what to compress and keep.</param>
/// <param name="CopyTruncate">Copy then truncate instead of rename and create.</param>
/// <param name="MissingOk">No WARN line when nothing matches.</param>
/// <param name="PostRotate">Command run once after the pass rotated something.</param>
/// <param name="PostRotateTimeout">How long the command may run.</param>
/// <param name="Hold">Held around every change of the files (the journal's lock, for the maintenance log).</param>
public sealed record LogTarget(
    string Name, Glob Glob, LogPolicy Policy, bool CopyTruncate, bool MissingOk, string? PostRotate, TimeSpan PostRotateTimeout,
    Func<CancellationToken, Task<IDisposable>>? Hold = null)
{
    /// <summary>True for the maintenance log: its deletions are what <c>jaga audit verify</c> accepts as pruned parts.</summary>
    public bool IsMaintenanceLog => Hold is not null;
}
