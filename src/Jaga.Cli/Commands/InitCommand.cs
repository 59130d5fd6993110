using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Plan;
using Jaga.Engine.Audit;
using Jaga.Engine.Files;
using Jaga.Engine.Planning;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga init</c>: a commented starter plan from what is in the folder, and the audit signing key.</summary>
internal static class InitCommand
{
    public static Command Create(CommandBuilder b)
    {
        var init = b.Command("init", "Write a commented jaga.yaml from what is in the folder (.env files, DATABASE_URL, SQLite files, manifests) and create the audit signing key.", "jaga init && jaga validate");
        var force = new Option<bool>("--force") { Description = "Overwrite an existing plan" };
        init.Options.Add(force);
        b.Action(init, async (parse, ctx, ct) =>
        {
            var path = Path.GetFullPath(ctx.PlanPath);
            var t = ctx.Messages();
            if (File.Exists(path) && !parse.GetValue(force)) throw new UserError(t.Format("init.exists", ctx.PlanPath));
            var dir = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(dir)) throw new UserError($"folder {dir} does not exist");
            var findings = StarterPlan.Detect(dir);
            var text = StarterPlan.Render(findings);
            // The starter plan must validate as written; if it does not, that is Jaga's bug, and nothing is written.
            var check = PlanFile.LoadText(text, ctx.PlanPath);
            if (!check.Ok)
            {
                foreach (var e in check.Errors) ctx.Output.Error(e.ToString());
                ctx.Output.Error("jaga: the starter plan did not validate (nothing was written); please report this with the errors above");
                return ExitCodes.Failed;
            }
            try
            {
                AtomicFile.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError(t.Format("cli.init.write", ctx.PlanPath, e.Message), t["cli.init.write.hint"], e);
            }
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var entry = await journal.RecordAsync(new PlanWritten(ctx.PlanPath)
                {
                    Data = new Dictionary<string, string> { ["env_files"] = string.Join(",", findings.EnvFiles), ["sqlite"] = string.Join(",", findings.SqliteFiles) },
                }, ct: ct);
                await AuditKeys.LoadOrCreateAsync(plan, journal, ct);
                if (ctx.JsonOutput)
                {
                    ctx.Output.Write(new JsonObject
                    {
                        ["plan"] = ctx.PlanPath,
                        ["line"] = entry.Line,
                        ["found"] = new JsonObject
                        {
                            ["env_files"] = Strings(findings.EnvFiles),
                            ["sqlite"] = Strings(findings.SqliteFiles),
                            ["manifests"] = Strings(findings.Manifests),
                            ["folders"] = Strings(findings.Folders),
                            ["app_logs"] = Strings(findings.AppLogs),
                            ["database_variable"] = findings.DatabaseVariable,
                        },
                        ["audit_key"] = AuditKeys.PrivatePath(plan),
                        ["audit_public_key"] = AuditKeys.PublicPath(plan),
                    });
                    return ExitCodes.Ok;
                }
                ctx.Output.Line(entry.Line);
                ctx.Output.Line($"  found: {findings.EnvFiles.Count} env file(s), {findings.SqliteFiles.Count} SQLite file(s), {findings.Manifests.Count} manifest(s)"
                    + (findings.DatabaseVariable is null ? "" : $", {findings.DatabaseVariable}"));
                ctx.Output.Line($"  audit key: {AuditKeys.PrivatePath(plan)} (0600); keep a copy of {AuditKeys.PublicPath(plan)} elsewhere");
                ctx.Output.Line("  next: jaga validate && jaga plan render");
            }
            return ExitCodes.Ok;
        });
        return init;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
