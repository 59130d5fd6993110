using Jaga.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary>One category's logger of <see cref="ConsoleLines"/>; the category is not shown, so all share the provider's format.</summary>
internal sealed class ConsoleLineLogger(ConsoleLines lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel)) return;
        lines.Write(logLevel, state as AuditEntry, formatter(state, null), exception);
    }
}
