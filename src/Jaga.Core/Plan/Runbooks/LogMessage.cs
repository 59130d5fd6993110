namespace Jaga.Core.Plan;

/// <summary>A maintenance-log line of a <c>log</c> step: its level and its message (a template).</summary>
public sealed record LogMessage(RunbookLogLevel Level, string Message);
