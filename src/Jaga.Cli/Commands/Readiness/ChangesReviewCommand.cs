using System.CommandLine;
using Jaga.Core.Journal.Events.Readiness;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Core.Storage;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Readiness;

/// <summary><c>jaga changes review ID --by NAME --note …</c>: someone other than its author reviews a significant change;
/// recorded in the maintenance log and the audit chain. A review of one's own change, of a change reviewed already, or of
/// no change is refused (exit 2).</summary>
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
                var change = await store.Changes.GetAsync(number, ct);
                Refuse(change is null ? ChangeReviewOutcome.NotFound
                    : change.Review is not null ? ChangeReviewOutcome.AlreadyReviewed
                    : ChangeText.SamePerson(change.Author, who) ? ChangeReviewOutcome.ByAuthor
                    : ChangeReviewOutcome.Reviewed, number, change, words, plan.Plan.Timezone);
                var entry = await journal.RecordAsync(new ChangeReviewed(number, change!.What, who, text)
                {
                    Data = new Dictionary<string, string>
                    {
                        ["change"] = $"{number}",
                        ["kind"] = change.Kind.ToText(),
                        ["author"] = change.Author,
                        ["covers"] = ChangeText.Covers(change.Covers),
                    },
                }, who, ct);
                // Another reviewer may have come between the read and the review: the store decides, and says who.
                var outcome = await store.Changes.ReviewAsync(number, new ChangeReview(who, entry.Time, text, entry.Seq), ct);
                Refuse(outcome, number, await store.Changes.GetAsync(number, ct), words, plan.Plan.Timezone);
                if (ctx.JsonOutput) ctx.Output.Write(ChangesCommand.Json((await store.Changes.GetAsync(number, ct))!));
                else
                {
                    ctx.Output.Line(entry.Line);
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
