using System.CommandLine;
using Jaga.Cli.Commands.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Updates.Patches;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga patches [--security-only] [--apply] [--yes]</c>: the machine's pending OS updates from
/// <c>apt-get -s upgrade</c>, which come from a security archive, whether a restart waits; with <c>--apply
/// --security-only</c>, installs the security updates (root) after a dry run, each recorded in the maintenance log; with
/// <c>update.review: before</c>, only once the set has been reviewed (<see cref="SecurityPatchGate"/>).</summary>
internal static class PatchesCommand
{
    public static Command Create(CommandBuilder b)
    {
        var patches = b.Command("patches",
            "Pending OS updates (Debian, Ubuntu: apt-get -s upgrade): package, installed and candidate version, origin, whether it is a security update; and whether a reboot is required. Records the counts in the maintenance log. With --apply --security-only (root), installs only the security updates after a dry run and logs each one. Exit 0 when no security update is pending (or all were applied), 1 when one is pending or applying failed.",
            "jaga patches --security-only");
        var securityOnly = new Option<bool>("--security-only") { Description = "Only the updates from a security archive (Debian-Security, *-security)" };
        var apply = new Option<bool>("--apply") { Description = "Install the pending security updates (with --security-only; needs root): a dry run first, then apt-get install --only-upgrade" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation before --apply (for scripts and cron)" };
        patches.Options.Add(securityOnly);
        patches.Options.Add(apply);
        patches.Options.Add(yes);
        b.Action(patches, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var applying = parse.GetValue(apply);
            var onlySecurity = parse.GetValue(securityOnly);
            if (applying && !onlySecurity) throw new UserError(words["cli.patches.apply.all"], words["cli.patches.apply.all.hint"]);
            var tool = AptTool.Local() ?? throw OsPatches.NoApt(words);
            if (applying && !tool.IsRoot) throw OsPatches.NotRoot(words);
            var asks = applying && !parse.GetValue(yes);
            if (asks && !Confirm.CanAsk(ctx)) throw new UserError(words["cli.patches.yes"]);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var os = new OsPatches(tool, words, ctx.RealTime);
                var say = ctx.JsonOutput ? ctx.Output.Error : (Action<string>)ctx.Output.Line;
                PatchCheck check;
                try
                {
                    check = await os.CheckAsync(ct);
                }
                catch (PatchToolException e)
                {
                    ctx.Output.Error("jaga: " + words.Format("cli.patches.apt.failed", e.Message));
                    return ExitCodes.Failed;
                }
                await OsPatches.RecordAsync(journal, check, ct);
                if (!applying)
                {
                    PatchesView.Show(ctx, check, onlySecurity, words);
                    return check.Security.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
                }
                if (check.Security.Count == 0)
                {
                    PatchesView.Show(ctx, check, onlySecurity, words);
                    say(words["cli.patches.none.security"]);
                    return ExitCodes.Ok;
                }
                return await ApplyAsync(ctx, os, check, journal, plan.Plan.Update.Review, asks, words, say, ct);
            }
        });
        return patches;
    }

    private static async Task<int> ApplyAsync(CliContext ctx, OsPatches os, PatchCheck check, Engine.Journal.MaintenanceJournal journal, ReviewTiming timing, bool asks,
        Core.Messages.Catalog words, Action<string> say, CancellationToken ct)
    {
        SecurityPatchReview review;
        try
        {
            review = await os.ReviewAsync(check, ct);
        }
        catch (PatchToolException e)
        {
            ctx.Output.Error("jaga: " + words.Format("cli.patches.apt.failed", e.Message));
            return ExitCodes.Failed;
        }
        if (!ctx.JsonOutput)
        {
            say(words["cli.patches.dryrun"]);
            PatchesView.Table(ctx, review.Changes, words);
        }
        if (!review.Approved)
        {
            foreach (var why in review.Refusals) ctx.Output.Error("jaga: " + words.Format("cli.patches.refused", words.Format(why.Key, [.. why.Args])));
            ctx.Output.Error("hint: " + words["cli.patches.refused.hint"]);
            if (ctx.JsonOutput) ctx.Output.Write(PatchesView.Json(check, true, null, review));
            return ExitCodes.Failed;
        }
        // The confirmation first: taking a reviewed request marks it carried out, so an "N" (or no --yes without a
        // terminal) after it would use the review up with nothing installed.
        if (asks && !Confirm.Ask(ctx, words.Format("cli.patches.ask", review.Changes.Count)))
            throw new UserError(words["cli.patches.declined"]);
        // With update.review: before, the set is installed only once someone other than who asked has reviewed it.
        if (await SecurityPatchGate.PassAsync(review, journal, timing, ct) is { Passed: false } held)
            throw new UserError(words.Format("cli.changes.before.patches", held.Change.Id, held.Change.Author), words.Format("cli.changes.before.patches.hint", held.Change.Id));
        var result = await os.ApplyAsync(review, journal, ctx.JsonOutput ? null : say, ct);
        if (ctx.JsonOutput) ctx.Output.Write(PatchesView.Json(check, true, result, review));
        if (!result.Succeeded)
        {
            ctx.Output.Error("jaga: " + words.Format("cli.patches.failed", result.NotApplied.Count, review.Changes.Count,
                result.Failure ?? words["reason.patches.not.installed"]));
            return ExitCodes.Failed;
        }
        say(words.Format("cli.patches.applied", result.Applied.Count));
        return ExitCodes.Ok;
    }
}
