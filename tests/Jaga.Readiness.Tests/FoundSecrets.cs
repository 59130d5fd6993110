using Jaga.Core.Ports;

namespace Jaga.Readiness.Tests;

/// <summary>A hand-written secrets scan for the checklist's tests: it reports what it was given, and the folder it was asked
/// about, so a test proves the checklist asks about the repository and reads the answer.</summary>
internal sealed class FoundSecrets(params string[] where) : ISecretsScan
{
    public string? AskedAbout { get; private set; }

    public Task<SecretsScanSummary> ScanAsync(string root, CancellationToken ct)
    {
        AskedAbout = root;
        return Task.FromResult(new SecretsScanSummary(where.Length, where));
    }
}
