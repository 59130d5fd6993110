namespace Jaga.Core.Plan;

/// <summary>The level of a <c>log</c> step's line, as the maintenance log writes it (INFO, WARN, ERROR).</summary>
public enum RunbookLogLevel
{
    Info,
    Warn,
    Error,
}
