using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Env;
using Jaga.Core.Interpolation;
using Jaga.Engine.Planning;

namespace Jaga.Cli.Commands.Env;

/// <summary><c>jaga env check</c>: every key the project needs — each <c>${VAR}</c> the plan references without a default,
/// and each key of its <c>.env.example</c> — looked up as the plan does (the environment, then its <c>env_files</c>).
/// Reads the plan's text only, so it can name every missing key where loading the plan stops at the first. Exit 1 when
/// any is missing.</summary>
internal static class EnvCheckCommand
{
    public static Command Create(CommandBuilder b)
    {
        var check = b.Command("check", "Check that every ${VAR} the plan references and every key of .env.example is set (environment or the plan's env_files). Exit 1 when any is missing.",
            "jaga env check --example .env.example");
        var example = new Option<string?>("--example") { Description = "The file listing the keys needed (default: .env.example beside the plan, when there is one)" };
        var files = new Option<string[]>("--file", "-f") { Description = "Look in these env files instead of the plan's env_files (repeatable)", AllowMultipleArgumentsPerToken = false };
        check.Options.Add(example);
        check.Options.Add(files);
        b.Action(check, (parse, ctx, ct) =>
        {
            var words = ctx.Messages();
            var text = PlanFile.Read(ctx.PlanPath) ?? throw new UserError(words.Format("reason.env.missing", ctx.PlanPath), words["reason.env.missing.hint"]);
            var plan = PlanVariables.Of(text, ctx.PlanPath);
            words = ctx.Messages(new Core.Plan.PlanLoadResult(null, []) { Language = plan.Language });
            if (plan.Errors.Count > 0) throw new UserError(words.Format("cli.env.check.plan", ctx.PlanPath, plan.Errors[0].Render(words)));
            var folder = Path.GetDirectoryName(Path.GetFullPath(ctx.PlanPath))!;
            var given = parse.GetValue(files) is { Length: > 0 } f ? f : null;
            var envFiles = new List<EnvFile>();
            var looked = new List<string>();
            foreach (var name in given ?? [.. plan.EnvFiles])
            {
                // Given files are read from the current folder, as any path on the command line; the plan's from its folder.
                var path = given is null && !Path.IsPathRooted(name) ? Path.Combine(folder, name) : name;
                looked.Add(name);
                if (EnvFiles.Read(path, name, words) is { } env) envFiles.Add(env);
            }
            var examplePath = parse.GetValue(example) ?? Path.Combine(folder, ".env.example");
            var exampleFile = parse.GetValue(example) is { } named
                ? EnvFiles.Require(named, words)
                : EnvFiles.Read(examplePath, Path.GetRelativePath(Environment.CurrentDirectory, examplePath), words);
            var result = EnvCheck.Of(plan, exampleFile, envFiles, Environment.GetEnvironmentVariable);
            var missing = result.Count(r => r.Missing);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["files"] = EnvDiffCommand.Array(looked),
                    ["example"] = exampleFile?.Path,
                    ["keys"] = new JsonArray([.. result.Select(r => (JsonNode)new JsonObject
                    {
                        ["key"] = r.Key,
                        ["required_by"] = EnvDiffCommand.Array(r.RequiredBy),
                        ["found_in"] = r.FoundIn,
                    })]),
                    ["missing"] = missing,
                });
            }
            else
            {
                foreach (var r in result)
                    ctx.Output.Line(r.Missing ? words.Format("cli.env.check.missing", r.Key, string.Join(", ", r.RequiredBy)) : words.Format("cli.env.check.ok", r.Key, r.FoundIn));
                ctx.Output.Line(words.Format("cli.env.check.summary", result.Count, missing, looked.Count > 0 ? string.Join(", ", looked) : words["cli.env.check.nofiles"]));
            }
            return Task.FromResult(missing > 0 ? ExitCodes.Failed : ExitCodes.Ok);
        });
        return check;
    }
}
