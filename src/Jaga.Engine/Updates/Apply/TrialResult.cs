namespace Jaga.Engine.Updates.Apply;

/// <summary>How a trial of some updates ended.</summary>
/// <param name="Kept">The tests passed: the updates stay.</param>
/// <param name="Reason">Why it failed (masked), empty when kept.</param>
/// <param name="Tail">The failing command's last output, at most <see cref="OutputTail.MaxBytes"/> bytes, masked.</param>
internal sealed record TrialResult(bool Kept, string Reason, string Tail)
{
    public static TrialResult Passed { get; } = new(true, "", "");

    public static TrialResult Failed(string reason, string output) => new(false, reason, OutputTail.Of(output));
}
