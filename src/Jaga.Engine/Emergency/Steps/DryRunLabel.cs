namespace Jaga.Engine.Emergency.Steps;

/// <summary>How much a dry run of a step tells: stored as its lower-case name, shown through <c>word.dryrun.*</c>.</summary>
public enum DryRunLabel
{
    /// <summary>Nothing can go wrong that the dry run did not do (a <c>sleep</c>): the simulation is the step.</summary>
    Simulated,

    /// <summary>What the step needs was checked without doing it: the command exists, the working folder exists, the
    /// target accepts connections. The step itself may still fail.</summary>
    PreconditionsChecked,

    /// <summary>Nothing useful can be checked without running it (a shell line whose first word is a variable or a loop).</summary>
    CannotSimulate,
}
