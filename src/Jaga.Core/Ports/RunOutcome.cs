namespace Jaga.Core.Ports;

/// <summary>How a run ended. Stored as lower-case text.</summary>
public enum RunOutcome { Running, Succeeded, Failed, TimedOut, Interrupted, Lost, Skipped }
