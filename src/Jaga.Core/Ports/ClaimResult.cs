namespace Jaga.Core.Ports;

/// <summary>What a claim came to: claimed, taken (the occurrence already has a record), or busy (another occurrence of
/// the job runs with a live lease).</summary>
public enum ClaimResult { Claimed, Taken, Busy }
