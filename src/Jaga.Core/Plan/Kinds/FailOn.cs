namespace Jaga.Core.Plan;

/// <summary>The lowest advisory severity that makes <c>jaga deps audit</c> exit 1 (<c>update.fail_on</c>).</summary>
public enum FailOn
{
    Low,
    Moderate,
    High,
    Critical,

    /// <summary>No advisory fails the audit: the report alone.</summary>
    Never,
}
