using System.CommandLine;
using Jaga.Core.Errors;
using Jaga.Engine;
using Jaga.Engine.Secrets;

namespace Jaga.Cli.Commands.Secrets;

/// <summary><c>jaga secrets scan [PATH] [--history] [--format table|json|sarif] [--config gitleaks.toml]</c>: secrets in the
/// working tree (or every commit's additions), masked wherever they are shown. Exit 1 when one is found, 0 when clean.</summary>
internal static class SecretsCommand
{
    private static readonly string[] Formats = ["table", "json", "sarif"];

    /// <summary>Skipped files listed on the terminal; the rest are counted (JSON lists them all).</summary>
    private const int SkippedShown = 20;

    public static Command Create(CommandBuilder b)
    {
        var secrets = b.Command("secrets", "Secrets left in the project: private keys, tokens, passwords in URLs and assignments.", "jaga secrets scan");
        var scan = b.Command("scan", "Scan the working tree (files git would show, in a git repository) or, with --history, every commit's added lines; exit 1 when a secret is found. Secrets are shown masked.",
            "jaga secrets scan --history --format sarif > secrets.sarif");
        var path = new Argument<string?>("path") { Description = "Folder or file to scan; the plan's folder when absent", Arity = ArgumentArity.ZeroOrOne };
        var history = new Option<bool>("--history") { Description = "Scan every commit's added lines (git log -p --all) instead of the working tree" };
        var format = new Option<string>("--format") { Description = "table (default), json or sarif" };
        var config = new Option<string>("--config") { Description = "A gitleaks-format rule file (gitleaks.toml) to use instead of Jaga's own rules" };
        scan.Arguments.Add(path);
        scan.Options.Add(history);
        scan.Options.Add(format);
        scan.Options.Add(config);
        b.Action(scan, async (parse, ctx, ct) =>
        {
            var chosen = parse.GetValue(format) ?? (ctx.JsonOutput ? "json" : "table");
            if (!Formats.Contains(chosen))
            {
                var words = ctx.Messages();
                throw new UserException(words.Format("cli.secrets.format.invalid", chosen), words["cli.secrets.format.invalid.hint"]);
            }
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var w = ctx.Messages(plan);
            var options = SecretsPlan.Options(plan, parse.GetValue(config), parse.GetValue(history));
            var report = await SecretsScan.RunAsync(parse.GetValue(path) ?? plan.Directory, options, ct);
            await SecretsJournal.RecordAsync(journal, report, ct);
            switch (chosen)
            {
                case "json":
                    ctx.Output.Write(SecretsJson.Of(report));
                    break;
                case "sarif":
                    ctx.Output.Write(SecretsSarif.Of(report, JagaVersion.Current));
                    break;
                default:
                    SecretsTable.Write(ctx.Output, report, w, SkippedShown);
                    break;
            }
            return report.Clean ? ExitCodes.Ok : ExitCodes.Failed;
        });
        secrets.Subcommands.Add(scan);
        return secrets;
    }
}
