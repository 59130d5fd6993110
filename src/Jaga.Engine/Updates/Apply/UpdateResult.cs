namespace Jaga.Engine.Updates.Apply;

/// <summary>What became of one planned update.</summary>
public enum UpdateResult
{
    /// <summary>Its manifest now names the new version, its lock file was refreshed, and the tests passed.</summary>
    Applied,

    /// <summary>The tests (or the lock file refresh) failed with it alone: every file it touched was restored byte for byte.</summary>
    RolledBack,

    /// <summary>Not tried: the outcome's reason says why (a lock file, already at that version, the tests failing before).</summary>
    Skipped,
}
