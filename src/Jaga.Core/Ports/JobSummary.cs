namespace Jaga.Core.Ports;

/// <summary>A job's newest run and newest success.</summary>
public sealed record JobSummary(string Job, JobRun Last, JobRun? LastSuccess);
