using System.Globalization;
using Jaga.Core.Env;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Engine.Migration.Run;

/// <summary>The plan's <c>migration:</c> section made ready to run, with everything that can be refused refused before
/// any step: no section, an env key that is not a variable name, a test command that needs a shell.</summary>
/// <param name="Section">The section as the plan binds it.</param>
/// <param name="From">The source URL; a relative <c>sqlite:</c> path made absolute from the plan's folder.</param>
/// <param name="FromShown">The source, password masked.</param>
/// <param name="ToShown">The target, password masked.</param>
/// <param name="EnvFile">The env file's full path.</param>
/// <param name="EnvFileShown">The env file as the plan names it.</param>
/// <param name="Env">The keys to set, in the plan's order.</param>
/// <param name="Test">The test command's words; null when the plan names none.</param>
/// <param name="Root">The folder under which each run gets its own.</param>
/// <param name="TestShown">The test command as shown, logged and kept in the receipt: secrets it was given through
/// <c>${VAR}</c> (a URL's password, a token) masked; null when the plan names none.</param>
public sealed record MigrationRunPlan(
    MigrationSection Section, string From, string FromShown, string ToShown, string EnvFile, string EnvFileShown,
    IReadOnlyList<KeyValuePair<string, string>> Env, IReadOnlyList<string>? Test, string Root, string? TestShown)
{
    /// <summary>The steps every run has, in order.</summary>
    public const int Steps = 5;

    /// <summary>The env file when the plan's section names none: the seed's.</summary>
    public const string DefaultEnvFile = ".env.production";

    /// <exception cref="UserException">The plan has no <c>migration:</c> section, a key of <c>migration.env</c> is not a
    /// variable name, or <c>migration.test</c> is empty or needs a shell.</exception>
    public static MigrationRunPlan Of(LoadedPlan plan, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(words);
        var section = plan.Plan.Migration ?? throw new UserException(words["cli.migrate.none"], words.Format("cli.migrate.none.hint"));
        var env = section.Env.ToList();
        try
        {
            EnvEdit.CheckKeys(env.Select(e => e.Key), words);
        }
        catch (UserException e)
        {
            throw new UserException("migration.env: " + e.Message, e.Hint, e);
        }
        var test = section.Test is { } line ? TestCommand.Words(line, words, "migration.test") : null;
        var envFile = section.EnvFile ?? DefaultEnvFile;
        return new MigrationRunPlan(section, Absolute(section.From, plan), plan.Redactor.Redact(section.From), plan.Redactor.Redact(section.To),
            plan.Resolve(envFile), envFile, env, test, plan.Resolve(section.Out), section.Test is { } shown ? plan.Redactor.Redact(shown) : null);
    }

    /// <summary>The folder of a run that starts at <paramref name="now"/>: its UTC time, so runs sort by name.</summary>
    public string FolderAt(DateTimeOffset now)
    {
        var name = now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Root, name);
        for (var n = 2; Directory.Exists(folder) || File.Exists(folder); n++) folder = Path.Combine(Root, $"{name}-{n}");
        return folder;
    }

    /// <summary>What the run would do, one line per step, for <c>--dry-run</c>: nothing is read, written or started.</summary>
    public IReadOnlyList<string> Describe(string folder, bool truncate, string planDirectory, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var shownFolder = Path.GetRelativePath(planDirectory, folder);
        var receipt = Path.Combine(shownFolder, Core.Migration.Run.MigrationReceipt.MarkdownFile);
        return
        [
            words["cli.migrate.dry"],
            words.Format("cli.migrate.dry.export", 1, FromShown, shownFolder),
            words.Format("cli.migrate.dry.import", 2, shownFolder, ToShown, truncate ? words["cli.migrate.truncate"] : ""),
            Env.Count > 0
                ? words.Format("cli.migrate.dry.env", 3, string.Join(", ", Env.Select(e => e.Key)), EnvFileShown)
                : words.Format("cli.migrate.dry.env.none", 3),
            TestShown is { } test
                ? words.Format("cli.migrate.dry.test", 4, test, planDirectory, Core.Migration.Run.MigrationReceiptText.Seconds(Section.TestTimeout))
                : words.Format("cli.migrate.dry.test.none", 4),
            words.Format("cli.migrate.dry.verify", 5, ToShown),
            words.Format("cli.migrate.dry.receipt", receipt),
        ];
    }

    /// <summary>A <c>sqlite:</c> URL's relative path is the plan's, as every path in it; other URLs are as written.</summary>
    private static string Absolute(string url, LoadedPlan plan)
    {
        if (!url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return url;
        var path = url["sqlite:".Length..].Trim();
        return path.Length == 0 || Path.IsPathRooted(path) ? url : "sqlite:" + plan.Resolve(path);
    }
}
