namespace Jaga.Engine.Updates.Apply;

/// <summary>Where an apply is, for its progress.</summary>
public enum UpdateStage
{
    /// <summary>A rollback record left by an interrupted apply was rolled back (<see cref="UpdateProgress.Detail"/>: the updates).</summary>
    Recovered,

    /// <summary>The tests run once before any update (detail: the test command).</summary>
    Baseline,

    /// <summary>A group starts.</summary>
    Group,

    /// <summary>An update is not tried (detail: why).</summary>
    Skipped,

    /// <summary>A lock file is being refreshed (detail: the command and its folder).</summary>
    LockRefresh,

    /// <summary>The tests run with the updates in <see cref="UpdateProgress.Updates"/> applied.</summary>
    Testing,

    /// <summary>They passed: the updates are kept.</summary>
    Passed,

    /// <summary>They (or the lock refresh) failed: the files were restored (detail: why).</summary>
    Failed,

    /// <summary>The failed updates are split in halves to find the one(s) that break the tests.</summary>
    Bisecting,
}
