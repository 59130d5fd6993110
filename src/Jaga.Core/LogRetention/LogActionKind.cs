namespace Jaga.Core.LogRetention;

/// <summary>What the planner decided for one file.</summary>
public enum LogActionKind
{
    /// <summary>Nothing to do, and why.</summary>
    Skip,

    /// <summary>Rename the live file to a rotated name (or copy and truncate it) and start an empty one.</summary>
    Rotate,

    /// <summary>Compress a rotated file into its .gz/.zst name and remove the original.</summary>
    Compress,

    /// <summary>Remove a rotated file that a limit no longer keeps.</summary>
    Delete,
}
