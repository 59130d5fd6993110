namespace Jaga.Core.Secrets;

/// <summary>How a secret is shown anywhere Jaga writes it (terminal, JSON, SARIF, the log, the audit chain): a few of its
/// first characters and its length, never more. <c>ghp_…(40)</c> says which token it is without giving any of it away.</summary>
public static class SecretMask
{
    /// <summary>At most 4 characters, and never more than a quarter of the secret: a short password shows 1 or none.</summary>
    public static string Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var shown = Math.Min(4, secret.Length / 4);
        return string.Concat(secret.AsSpan(0, shown), "…(", secret.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ")");
    }
}
