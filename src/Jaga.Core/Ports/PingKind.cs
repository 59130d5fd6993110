namespace Jaga.Core.Ports;

/// <summary>What a heartbeat ping says. Stored as lower-case text.</summary>
public enum PingKind { Success, Start, Fail, Exit }
