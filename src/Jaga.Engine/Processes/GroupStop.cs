namespace Jaga.Engine.Processes;

/// <summary>How a <see cref="GroupedProcess"/> was stopped.</summary>
internal enum GroupStop
{
    /// <summary>Every process of the group ended on SIGTERM within the grace.</summary>
    Terminated,

    /// <summary>Something was still alive after the grace and got SIGKILL.</summary>
    Killed,

    /// <summary>No group of its own (no <c>setsid</c>): the process tree that could be seen was killed.</summary>
    TreeKilled,
}
