namespace Jaga.Engine.Emergency.Steps;

/// <summary>What the dry run of one step found.</summary>
/// <param name="Label">How honest the simulation is.</param>
/// <param name="Ready">False when a precondition is not met (the command is missing, the target refuses): the real run
/// would fail there.</param>
/// <param name="Reason">What was checked and what was found, in the plan's language.</param>
public sealed record DryRunCheck(DryRunLabel Label, bool Ready, string Reason);
