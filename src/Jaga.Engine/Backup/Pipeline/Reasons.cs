using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>The one-line reason shown to users for a failure: the exception's own message for failures Jaga raises
/// deliberately (they are written to be read and hold no secret), the type and message otherwise.</summary>
internal static class Reasons
{
    public static string Of(Exception e) => e switch
    {
        DestinationException or BackupSourceException or Core.Errors.UserException or ArgumentException => OneLine(e.Message),
        AggregateException { InnerExceptions.Count: 1 } a => Of(a.InnerExceptions[0]),
        _ => OneLine($"{e.GetType().Name}: {e.Message}"),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
