using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Errors;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Updates.Apply;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga deps update [--apply] [--only PKG]... [--type patch|minor|major]...</c>: without <c>--apply</c> a dry
/// run that shows the manifests' diffs; with it, the updates the policy allows are applied group by group (security,
/// patch, minor, major), the plan's tests run after each, and a group whose tests fail is rolled back byte for byte and
/// bisected so the rest still lands.</summary>
internal static class DepsUpdateCommand
{
    private static readonly string[] Kinds = ["patch", "minor", "major"];

    public static Command Create(CommandBuilder b)
    {
        var update = b.Command("update", "Apply what the update policy allows: edit the manifests, refresh the lock files, run update.test, roll back what breaks it. Without --apply, show the diffs only.",
            "jaga deps update --apply --type patch");
        var apply = new Option<bool>("--apply") { Description = "Write the changes and run the tests (without it: a dry run that shows the diffs)" };
        var only = new Option<string[]>("--only") { Description = "Only this package (repeatable); also applies an update that waits for review", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var type = new Option<string[]>("--type") { Description = "Only updates of this kind: patch, minor or major (repeatable)", Arity = ArgumentArity.OneOrMore };
        var offline = new Option<bool>("--offline") { Description = "Answer from the registry cache only" };
        update.Options.Add(apply);
        update.Options.Add(only);
        update.Options.Add(type);
        update.Options.Add(offline);
        b.Action(update, async (parse, ctx, ct) =>
        {
            var kinds = parse.GetValue(type) ?? [];
            var words0 = ctx.Messages(ctx.Loaded);
            foreach (var k in kinds.Where(k => !Kinds.Contains(k)))
                throw new UserException(words0.Format("cli.deps.type.invalid", k), words0["cli.deps.type.invalid.hint"]);
            await using var session = await DepsSession.OpenAsync(ctx, ct);
            var (plan, w) = (session.Plan, session.Words);
            var test = plan.Plan.Update.Test;
            if (parse.GetValue(apply) && string.IsNullOrWhiteSpace(test))
                throw new UserException(w.Format("reason.update.test.empty", "update.test"), w.Format("reason.update.test.empty.hint", "update.test"));

            var report = await session.AuditAsync(ctx, parse.GetValue(offline), ct);
            var names = parse.GetValue(only) ?? [];
            foreach (var name in names.Where(n => !report.Findings.Any(f => PackageNames.Same(f.Dependency.Ecosystem, f.Dependency.Name, n))))
                throw new UserException(w.Format("cli.deps.only.unknown", name), w["cli.deps.only.unknown.hint"]);
            // Without names, what the policy applies by itself (the scheduled run applies the same).
            var chosen = (names.Length == 0 ? AutomaticUpdates.Of(report.Findings)
                    : report.Findings.Where(f => names.Any(n => PackageNames.Same(f.Dependency.Ecosystem, f.Dependency.Name, n))
                        && f.Decision is Decision.Apply or Decision.Review && f.Update is not null).Select(f => f.Update!))
                .Where(u => kinds.Length == 0 || kinds.Contains(AuditWords.Of(u.Kind)))
                .ToList();
            foreach (var name in names)
            {
                var manual = report.Findings.FirstOrDefault(f => PackageNames.Same(f.Dependency.Ecosystem, f.Dependency.Name, name) && f.Decision == Decision.Manual);
                if (manual is not null) ctx.Output.Error(w.Format("cli.deps.only.manual", manual.Dependency.Name, AuditWords.Why(manual, w, plan.Plan.Update.Policy)));
            }
            var groups = UpdateGroup.ByKind(chosen);

            if (!parse.GetValue(apply))
            {
                var preview = UpdatePreview.Of(session.Root, groups, w);
                if (ctx.JsonOutput)
                {
                    ctx.Output.Write(new JsonObject
                    {
                        ["applied"] = false,
                        ["updates"] = new JsonArray([.. chosen.Select(u => (JsonNode)Json(u, null))]),
                        ["changes"] = new JsonArray([.. preview.Changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["diff"] = c.Diff() })]),
                        ["skipped"] = new JsonArray([.. preview.Skipped.Select(o => (JsonNode)Json(o.Update, o))]),
                    });
                    return ExitCodes.Ok;
                }
                if (chosen.Count == 0)
                {
                    ctx.Output.Line(w["cli.deps.plan.nothing"]);
                    return ExitCodes.Ok;
                }
                foreach (var c in preview.Changes) ctx.Output.Out.Write(c.Diff());
                foreach (var s in preview.Skipped) ctx.Output.Line(w.Format("cli.update.skipped", s.Update.Pinned, s.Reason));
                ctx.Output.Line();
                ctx.Output.Line(w.Format("cli.deps.update.dry", chosen.Count));
                return ExitCodes.Ok;
            }

            var progress = ctx.JsonOutput ? null : new Progress<UpdateProgress>(p => ctx.Output.Error(p.Describe(w)));
            var outcomes = chosen.Count == 0 ? []
                : await new UpdateApplier(session.Journal, ctx.RealTime) { Review = plan.Plan.Update.Review }.ApplyAsync(session.Root, groups, test!, plan.Plan.Update.TestTimeout, progress, ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject { ["applied"] = true, ["updates"] = new JsonArray([.. outcomes.Select(o => (JsonNode)Json(o.Update, o))]) });
            }
            else if (outcomes.Count == 0)
            {
                ctx.Output.Line(w["cli.deps.plan.nothing"]);
            }
            else
            {
                ctx.Output.Table(w.Columns("cli.deps.update.columns"), outcomes.Select(o => new[]
                {
                    o.Update.Dependency.Name, o.Update.From, o.Update.To, o.Group, w["word.update.result." + Word(o.Result)], o.Reason,
                }));
                foreach (var o in outcomes.Where(o => o.Tail.Length > 0 && o.Result == UpdateResult.RolledBack))
                    ctx.Output.Error(w.Format("cli.deps.update.tail", o.Update.Pinned, o.Tail));
            }
            return outcomes.Any(o => o.Result != UpdateResult.Applied) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return update;
    }

    private static string Word(UpdateResult result) => result switch
    {
        UpdateResult.Applied => "applied",
        UpdateResult.RolledBack => "rolled_back",
        UpdateResult.Skipped => "skipped",
    };

    private static JsonObject Json(PlannedUpdate u, UpdateOutcome? o) => new()
    {
        ["ecosystem"] = AuditWords.Of(u.Dependency.Ecosystem),
        ["name"] = u.Dependency.Name,
        ["from"] = u.From,
        ["to"] = u.To,
        ["update_type"] = AuditWords.Of(u.Kind),
        ["security"] = u.Security,
        ["manifest"] = u.Dependency.Where.Path,
        ["line"] = u.Dependency.Where.Line,
        ["group"] = o?.Group,
        ["result"] = o is null ? null : Word(o.Result),
        ["reason"] = o?.Reason,
        ["tail"] = o is null || o.Tail.Length == 0 ? null : o.Tail,
    };
}
