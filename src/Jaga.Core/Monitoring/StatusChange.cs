namespace Jaga.Core.Monitoring;

/// <summary>A check's alerting status moved, e.g. up to down; each is a maintenance-log line.</summary>
public sealed record StatusChange(CheckStatus From, CheckStatus To);
