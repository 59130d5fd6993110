using System.CommandLine;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Engine.Readiness;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Readiness;

/// <summary><c>jaga changes review ID --by NAME --note …</c>: someone other than its author reviews a significant change;
/// recorded in the maintenance log and the audit chain once the store has accepted it. A review of one's own change, of a
/// change reviewed already, or of no change is refused (exit 2) and leaves no log line nor audit entry.</summary>
internal static class ChangesReviewCommand
{
    public static Command Create(CommandBuilder b)
    {
        var review = b.Command("review", "Review a significant change: by someone other than its author, with a note; recorded in the audit chain.",
            "jaga changes review 3 --by sari --note \"destinations checked, restore drill passed\"");
        var id = new Argument<long>("ID") { Description = "The change's number (jaga changes shows them)" };
        var by = new Option<string>("--by") { Description = "The reviewer: someone other than the change's author", Required = true };
        var note = new Option<string>("--note") { Description = "What was checked", Required = true };
        review.Arguments.Add(id);
        review.Options.Add(by);
        review.Options.Add(note);
        b.Action(review, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = Text(parse.GetValue(by), "--by", MaxName, words)!;
            var text = Text(parse.GetValue(note), "--note", MaxNote, words)!;
            var number = parse.GetValue(id);
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var (outcome, change, entry) = await ChangeReviews.ReviewAsync(journal, number, who, text, ctx.Clock, ct);
                Refuse(outcome, number, change, words, plan.Plan.Timezone);
                if (ctx.JsonOutput) ctx.Output.Write(ChangesCommand.Json(change!));
                else
                {
                    ctx.Output.Line(entry!.Line);
                    ctx.Output.Line(words.Format("cli.changes.review.done", number, who));
                }
            }
            return ExitCodes.Ok;
        });
        return review;
    }

    private static void Refuse(ChangeReviewOutcome outcome, long id, ChangeRecord? change, Catalog words, TimeZoneInfo zone)
    {
        switch (outcome)
        {
            case ChangeReviewOutcome.Reviewed:
                return;
            case ChangeReviewOutcome.NotFound:
                throw new UserError(words.Format("cli.changes.review.notfound", id), words["cli.changes.review.notfound.hint"]);
            case ChangeReviewOutcome.AlreadyReviewed:
                throw new UserError(words.Format("cli.changes.review.already", id, change?.Review?.By, Local(change?.Review?.At, zone)),
                    words["cli.changes.review.already.hint"]);
            case ChangeReviewOutcome.ByAuthor:
                throw new UserError(words.Format("cli.changes.review.author", id, change?.Author), words.Format("cli.changes.review.author.hint", id));
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }
    }
}
