using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga user list [--json]</c>: the users, their roles and any lock-out; never a hash.</summary>
internal static class UserListCommand
{
    public static Command Create(CommandBuilder b)
    {
        var list = b.Command("list", "List the dashboard users with their roles and any lock-out.", "jaga user list --json");
        b.Action(list, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var users = await store.Users.ListAsync(ct);
            var now = ctx.Clock.GetUtcNow();
            DateTimeOffset? Locked(DashboardUser u) => u.LockedUntil > now ? u.LockedUntil : null;
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonArray([.. users.Select(u => (JsonNode)new JsonObject
                {
                    ["name"] = u.Name,
                    ["role"] = u.Role.Word(),
                    ["created"] = u.Created.ToString("O", CultureInfo.InvariantCulture),
                    ["locked_until"] = Locked(u)?.ToString("O", CultureInfo.InvariantCulture),
                })]));
                return ExitCodes.Ok;
            }
            if (users.Count == 0)
            {
                ctx.Output.Line(words["cli.user.none"]);
                return ExitCodes.Ok;
            }
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
            ctx.Output.Table(words.Columns("cli.user.columns"), users.Select(u => new[] { u.Name, u.Role.Word(), Local(u.Created), Local(Locked(u)) }));
            return ExitCodes.Ok;
        });
        return list;
    }
}
