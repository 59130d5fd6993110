using Jaga.Core.Updates;

namespace Jaga.Engine.Updates.Apply;

/// <summary>What became of one planned update, and why, in the journal's language.</summary>
/// <param name="Update">The update.</param>
/// <param name="Group">The group it was tried in.</param>
/// <param name="Result">Applied, rolled back or skipped.</param>
/// <param name="Reason">Why: <c>applied; the tests passed</c>, <c>the tests failed (exit code 1, accepted: 0)</c>,
/// <c>src/App/App.csproj already names 1.0.1</c>; masked.</param>
public sealed record UpdateOutcome(PlannedUpdate Update, string Group, UpdateResult Result, string Reason)
{
    /// <summary>For <see cref="UpdateResult.RolledBack"/> (and a skip because the tests already failed): the last lines
    /// of the failing command's output, at most <see cref="OutputTail.MaxBytes"/> bytes, masked.</summary>
    public string Tail { get; init; } = "";
}
