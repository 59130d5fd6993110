namespace Jaga.Core.Monitoring;

/// <summary>What alerting needs besides the check's state and result.</summary>
/// <param name="Now">The current time (from the engine's <see cref="TimeProvider"/>): when alerts are sent and reminders fall due.</param>
/// <param name="Project">The plan's project, named in every alert.</param>
/// <param name="HeldBy">Why alerts are held right now (a down parent, a maintenance window), or null.</param>
public sealed record AlertContext(DateTimeOffset Now, string Project, AlertHold? HeldBy = null);
