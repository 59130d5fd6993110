namespace Jaga.Core.Ports;

/// <summary>What recording a reading changed.</summary>
/// <param name="Opened">Findings reported for the first time (or again after they were resolved).</param>
/// <param name="StillPending">Findings already pending that it reported again.</param>
/// <param name="Resolved">Pending findings of its source and scope that a complete reading no longer reported.</param>
public sealed record SecurityReadingRecorded(int Opened, int StillPending, int Resolved);
