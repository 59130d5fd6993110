namespace Jaga.Core.Ledger;

/// <summary>The maintenance log's levels, written as the seed writes them: INFO, WARN, ERROR.</summary>
public enum Severity
{
    Info,
    Warn,
    Error,
}

public static class SeverityText
{
    public static string ToText(this Severity s) => s switch
    {
        Severity.Info => "INFO",
        Severity.Warn => "WARN",
        Severity.Error => "ERROR",
        _ => "INVALID",
    };

    /// <summary>Reads a stored level exactly; anything else becomes an invalid level, so a tampered level fails the hash check instead of being silently normalised.</summary>
    public static Severity FromStored(string text) => text switch
    {
        "INFO" => Severity.Info,
        "WARN" => Severity.Warn,
        "ERROR" => Severity.Error,
        _ => (Severity)(-1),
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "INFO": severity = Severity.Info; return true;
            case "WARN" or "WARNING": severity = Severity.Warn; return true;
            case "ERROR": severity = Severity.Error; return true;
            default: severity = Severity.Info; return false;
        }
    }
}
