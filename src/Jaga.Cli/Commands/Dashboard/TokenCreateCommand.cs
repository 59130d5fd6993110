using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga token create NAME --role …</c>: 256 random bits, printed once; the store keeps only their SHA-256, and
/// the log and audit chain only the token's id.</summary>
internal static class TokenCreateCommand
{
    public static Command Create(CommandBuilder b)
    {
        var create = b.Command("create", "Create an API token; it is printed once and only its hash is kept.", "jaga token create grafana --role viewer");
        var name = new Argument<string>("NAME") { Description = "What the token is for" };
        var role = AccountInput.RoleOption();
        create.Arguments.Add(name);
        create.Options.Add(role);
        b.Action(create, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var label = AccountInput.Name(parse.GetValue(name), words);
            var level = AccountInput.Role(parse.GetValue(role), words);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var (token, record) = ApiTokens.Create(label, level, ctx.Clock.GetUtcNow());
                await store.Tokens.AddAsync(record, ct);
                await journal.RecordAsync(new ApiTokenCreated(record.Id, label, level.Word())
                {
                    Data = new Dictionary<string, string> { ["token_id"] = record.Id, ["role"] = level.Word() },
                }, ct: ct);
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["id"] = record.Id, ["name"] = label, ["role"] = level.Word(), ["token"] = token });
                else
                {
                    ctx.Output.Line(words.Format("cli.token.created", record.Id, label, level.Word()));
                    ctx.Output.Line(token);
                    ctx.Output.Line(words["cli.token.use"]);
                }
            }
            return ExitCodes.Ok;
        });
        return create;
    }
}
