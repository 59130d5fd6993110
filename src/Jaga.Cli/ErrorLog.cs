using Microsoft.Extensions.Logging;

namespace Jaga.Cli;

/// <summary>The log of a command that runs jobs outside the daemon (<c>jaga run --once</c>): errors only, on stderr, with
/// the exception's stack trace, so a job that crashed with a bug leaves its trace as it does in the daemon's log.</summary>
internal sealed class ErrorLog(Output output, Core.Redaction.Redactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        output.Error(redactor.Redact($"jaga: {formatter(state, exception)}"));
        if (exception is not null) output.Error(redactor.Redact(exception.ToString()));
    }
}
