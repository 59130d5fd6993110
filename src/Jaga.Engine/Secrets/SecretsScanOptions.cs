using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>How one secrets scan runs. <see cref="SecretsPlan.Options"/> makes the options a plan asks for.</summary>
public sealed record SecretsScanOptions
{
    /// <summary>The rules: Jaga's own by default, or those of a gitleaks-format file (<see cref="GitleaksConfig"/>).</summary>
    public SecretRuleSet Rules { get; init; } = JagaRules.Default;

    /// <summary>What the plan's <c>secrets.allow</c> lets pass.</summary>
    public SecretsAllow Allow { get; init; } = SecretsAllow.None;

    /// <summary>Scan every commit's added lines (<c>git log -p --all</c>) instead of the working tree.</summary>
    public bool History { get; init; }

    /// <summary>Files (and a commit's additions to one file) larger than this are skipped and reported as skipped.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>Files read at once.</summary>
    public int Concurrency { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The <c>git</c> program.</summary>
    public string Git { get; init; } = "git";

    public const long DefaultMaxFileSize = 10 * 1024 * 1024;
}
