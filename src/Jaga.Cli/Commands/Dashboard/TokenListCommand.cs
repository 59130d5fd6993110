using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga token list [--json]</c>: each token's id, name, role and use; never the token or its hash.</summary>
internal static class TokenListCommand
{
    public static Command Create(CommandBuilder b)
    {
        var list = b.Command("list", "List the API tokens: id, name, role, created, last used, revoked.", "jaga token list");
        b.Action(list, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var tokens = await store.Tokens.ListAsync(ct);
            static string? Iso(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonArray([.. tokens.Select(t => (JsonNode)new JsonObject
                {
                    ["id"] = t.Id, ["name"] = t.Name, ["role"] = t.Role.Word(),
                    ["created"] = Iso(t.Created), ["last_used"] = Iso(t.LastUsed), ["revoked"] = Iso(t.Revoked),
                })]));
                return ExitCodes.Ok;
            }
            if (tokens.Count == 0)
            {
                ctx.Output.Line(words["cli.token.none"]);
                return ExitCodes.Ok;
            }
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
            ctx.Output.Table(words.Columns("cli.token.columns"), tokens.Select(t => new[] { t.Id, t.Name, t.Role.Word(), Local(t.Created), Local(t.LastUsed), Local(t.Revoked) }));
            return ExitCodes.Ok;
        });
        return list;
    }
}
