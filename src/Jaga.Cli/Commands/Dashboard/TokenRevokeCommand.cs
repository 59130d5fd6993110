using System.CommandLine;
using Jaga.Core.Journal.Events.Dashboard;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga token revoke ID</c>: the token authorises nothing from its next request.</summary>
internal static class TokenRevokeCommand
{
    public static Command Create(CommandBuilder b)
    {
        var revoke = b.Command("revoke", "Revoke an API token by its id; it authorises nothing from then on.", "jaga token revoke 3f9a1c2e");
        var id = new Argument<string>("ID") { Description = "The token's id (jaga token list)" };
        revoke.Arguments.Add(id);
        b.Action(revoke, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var which = (parse.GetValue(id) ?? "").Trim();
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                if (!await store.Tokens.RevokeAsync(which, ctx.Clock.GetUtcNow(), ct))
                    throw new UserError(words.Format("cli.token.missing", which), words["cli.token.missing.hint"]);
                await journal.RecordAsync(new ApiTokenRevoked(which) { Data = new Dictionary<string, string> { ["token_id"] = which } }, ct: ct);
                ctx.Output.Line(words.Format("cli.token.revoked", which));
            }
            return ExitCodes.Ok;
        });
        return revoke;
    }
}
