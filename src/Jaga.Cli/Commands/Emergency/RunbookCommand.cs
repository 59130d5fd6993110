using System.CommandLine;
using Jaga.Core.Plan;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook</c>: the plan's emergency procedures.</summary>
internal static class RunbookCommand
{
    public static Command Create(CommandBuilder b)
    {
        var runbook = b.Command("runbook", "The emergency pillar: the plan's runbooks, listed, printed as procedures, and run step by step with a full record.", "jaga runbook show restore-db --format md");
        runbook.Subcommands.Add(RunbookListCommand.Create(b));
        runbook.Subcommands.Add(RunbookShowCommand.Create(b));
        runbook.Subcommands.Add(RunbookRunCommand.Create(b));
        runbook.Subcommands.Add(RunbookResumeCommand.Create(b));
        runbook.Subcommands.Add(RunbookApproveCommand.Create(b));
        runbook.Subcommands.Add(RunbookRunsCommand.Create(b));
        return runbook;
    }

    /// <summary>The runbook named <paramref name="name"/>; a user error naming the known ones otherwise.</summary>
    public static Runbook Find(LoadedPlan plan, string name, CliContext ctx)
    {
        if (plan.Plan.Emergency.Find(name) is { } found) return found;
        var words = ctx.Messages(plan);
        var known = plan.Plan.Emergency.Runbooks.Select(r => r.Name).ToList();
        var near = Core.Text.Similarity.Nearest(name, known);
        throw new UserError(words.Format("cli.runbook.unknown", name),
            known.Count == 0 ? words["cli.runbook.define"]
            : near is not null ? $"{words.Format("plan.hint.did.you.mean", near)}; {words.Format("cli.runbook.known", string.Join(", ", known))}"
            : words.Format("cli.runbook.known", string.Join(", ", known)));
    }
}
