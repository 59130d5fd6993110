namespace Jaga.Core.Ports;

/// <summary>The secrets scan the readiness checklist asks (points 1 and 5): whether a project's files hold credentials.</summary>
/// <remarks>One method, so the checklist does not depend on how the scan works (<c>jaga secrets scan</c> serves it).</remarks>
public interface ISecretsScan
{
    /// <summary>Scans the working tree under <paramref name="root"/> as <c>jaga secrets scan</c> does, with the plan's allowlists.</summary>
    Task<SecretsScanSummary> ScanAsync(string root, CancellationToken ct);
}

/// <summary>What a secrets scan found.</summary>
/// <param name="Findings">How many secrets were found.</param>
/// <param name="Where">Where the first few are, masked (<c>config/app.yml:12 (aws-access-key)</c>); never a secret's value.</param>
public sealed record SecretsScanSummary(int Findings, IReadOnlyList<string> Where);
