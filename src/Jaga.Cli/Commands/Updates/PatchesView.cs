using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Updates.Patches;

namespace Jaga.Cli.Commands.Updates;

/// <summary>How <c>jaga patches</c> shows a check: a table and its footer, or JSON; packages by name (apt lists them in
/// its install order).</summary>
internal static class PatchesView
{
    public static void Show(CliContext ctx, PatchCheck check, bool securityOnly, Catalog words)
    {
        if (ctx.JsonOutput)
        {
            ctx.Output.Write(Json(check, securityOnly, null, null));
            return;
        }
        var shown = securityOnly ? check.Security : check.Pending;
        if (check.Pending.Count == 0) ctx.Output.Line(words["cli.patches.none"]);
        else if (shown.Count > 0) Table(ctx, shown, words);
        ctx.Output.Line(words.Format("cli.patches.footer", check.Pending.Count, check.Security.Count, check.Simulation.KeptBack.Count));
        if (check.Simulation.KeptBack.Count > 0) ctx.Output.Line(words.Format("cli.patches.kept", string.Join(", ", check.Simulation.KeptBack)));
        if (check.Reboot.Required) ctx.Output.Line(words.Format("cli.patches.reboot", check.Reboot.Packages.Count > 0 ? string.Join(", ", check.Reboot.Packages) : "-"));
    }

    public static void Table(CliContext ctx, IEnumerable<AptInstall> rows, Catalog words) =>
        ctx.Output.Table(words.Columns("cli.patches.columns"), rows.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new[]
        {
            i.Name, i.Installed ?? "-", i.Candidate, i.Origin?.Name ?? "-", words[i.Security ? "cli.patches.security.yes" : "cli.patches.security.no"],
        }));

    public static JsonObject Json(PatchCheck check, bool securityOnly, PatchApplyResult? applied, SecurityPatchReview? review)
    {
        var json = new JsonObject
        {
            ["pending"] = check.Pending.Count,
            ["security"] = check.Security.Count,
            ["kept_back"] = new JsonArray([.. check.Simulation.KeptBack.Select(k => (JsonNode)k)]),
            ["reboot_required"] = check.Reboot.Required,
            ["reboot_packages"] = new JsonArray([.. check.Reboot.Packages.Select(p => (JsonNode)p)]),
            ["updates"] = Packages(securityOnly ? check.Security : check.Pending),
        };
        if (review is not null)
        {
            json["apply"] = new JsonObject
            {
                ["changes"] = Packages(review.Changes),
                ["approved"] = review.Approved,
                ["applied"] = applied is null ? null : new JsonArray([.. applied.Applied.Select(a => (JsonNode)a.Name)]),
                ["not_applied"] = applied is null ? null : new JsonArray([.. applied.NotApplied.Select(a => (JsonNode)a.Name)]),
                ["failure"] = applied?.Failure,
            };
        }
        return json;
    }

    private static JsonArray Packages(IEnumerable<AptInstall> installs) =>
        new([.. installs.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (JsonNode)new JsonObject
        {
            ["package"] = i.Name,
            ["architecture"] = i.Architecture,
            ["installed"] = i.Installed,
            ["candidate"] = i.Candidate,
            ["origin"] = i.Origin?.Name,
            ["origins"] = new JsonArray([.. i.Origins.Select(o => (JsonNode)o.ToString())]),
            ["security"] = i.Security,
        })]);
}
