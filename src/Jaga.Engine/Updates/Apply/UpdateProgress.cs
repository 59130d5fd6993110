using Jaga.Core.Messages;
using Jaga.Core.Updates;

namespace Jaga.Engine.Updates.Apply;

/// <summary>One step of an apply, reported as it happens for the terminal.</summary>
/// <param name="Stage">What is happening.</param>
/// <param name="Group">The group's name (empty before the groups start).</param>
/// <param name="Updates">The updates concerned.</param>
/// <param name="Detail">What the stage says more (a command, a reason); masked.</param>
public sealed record UpdateProgress(UpdateStage Stage, string Group, IReadOnlyList<PlannedUpdate> Updates, string Detail)
{
    /// <summary>The step as one line in <paramref name="words"/>' language.</summary>
    public string Describe(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var updates = Pinned(Updates);
        return Stage switch
        {
            UpdateStage.Recovered => words.Format("cli.update.recovered", Detail),
            UpdateStage.Baseline => words.Format("cli.update.baseline", Detail),
            UpdateStage.Group => words.Format("cli.update.group", Group, Updates.Count),
            UpdateStage.Skipped => words.Format("cli.update.skipped", updates, Detail),
            UpdateStage.LockRefresh => words.Format("cli.update.lock", Detail),
            UpdateStage.Testing => words.Format("cli.update.testing", updates),
            UpdateStage.Passed => words.Format("cli.update.passed", updates),
            UpdateStage.Failed => words.Format("cli.update.failed", updates, Detail),
            UpdateStage.Bisecting => words.Format("cli.update.bisect", updates),
        };
    }

    /// <summary>Updates as the log names them: <c>numpy==1.26.0, Acme.Calc==1.0.1</c>.</summary>
    public static string Pinned(IEnumerable<PlannedUpdate> updates) => string.Join(", ", updates.Select(u => u.Pinned));
}
