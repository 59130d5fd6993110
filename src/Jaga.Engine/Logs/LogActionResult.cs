using Jaga.Core.LogRetention;

namespace Jaga.Engine.Logs;

/// <summary>A planned action and what became of it: done, failed with an error, or only planned (dry run, skip).</summary>
public sealed record LogActionResult(LogAction Action, bool Done, string? Error = null);
