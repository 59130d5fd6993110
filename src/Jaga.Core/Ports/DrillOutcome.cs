namespace Jaga.Core.Ports;

/// <summary>How a restore drill ended. Stored as the member name in lower case.</summary>
public enum DrillOutcome { Succeeded, Failed }
