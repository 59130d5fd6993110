namespace Jaga.Testing.Docs;

/// <summary>Which test runs which block of <c>jaga …</c> examples in README.md and docs/*.md, and the mark a line that
/// cannot run on a test machine carries instead. <c>DocExampleTests</c> checks that every <c>jaga</c> line of the docs is
/// in one of these blocks or carries the mark, so a new example without a run fails the suite.</summary>
public static class DocRuns
{
    /// <summary>The visible mark, as the line's trailing comment: <c>jaga deps db update   # not run by the tests: downloads from osv.dev</c>.</summary>
    public const string NotRun = "# not run by the tests:";

    public static readonly DocRun Readme = new("README.md", "jaga init", "Jaga.Daemon.Tests.ReadmeTourTests");

    public static readonly DocRun Drill = new("docs/backup.md", "jaga drill restore db --test", "Jaga.Daemon.Tests.Docs.BackupDocTests");

    public static readonly DocRun Deploy = new("docs/deploy.md", "jaga status --plan", "Jaga.Daemon.Tests.Docs.DeployDocTests");

    public static readonly DocRun RunbookRun = new("docs/emergency.md", "jaga runbook run restore-db --param", "Jaga.Daemon.Tests.Docs.EmergencyDocTests");

    public static readonly DocRun RunbookRuns = new("docs/emergency.md", "jaga runbook runs --runbook", "Jaga.Daemon.Tests.Docs.EmergencyDocTests");

    public static readonly DocRun RunbookApprove = new("docs/emergency.md", "jaga runbook approve", "Jaga.Daemon.Tests.Docs.EmergencyDocTests");

    public static readonly DocRun DepsAudit = new("docs/updates.md", "jaga deps audit --format sarif", "Jaga.Updates.Tests.Docs.UpdatesDocTests");

    public static readonly DocRun DepsDb = new("docs/updates.md", "jaga deps db status", "Jaga.Updates.Tests.Docs.UpdatesDocTests");

    public static readonly DocRun Patches = new("docs/updates.md", "jaga patches --security-only", "Jaga.Updates.Tests.Docs.UpdatesDocTests");

    public static readonly DocRun Example = new("docs/updates.md", "jaga deps db update --plan examples/tokoku/jaga.yaml", "Jaga.Updates.Tests.Example.TokokuExampleTests");

    public static readonly DocRun MigrateRun = new("docs/migration.md", "jaga migrate run --plan examples/tokoku/jaga.yaml --dry-run", "Jaga.Migration.Tests.Run.MigrateRunTests");

    public static IReadOnlyList<DocRun> All { get; } = [Readme, Drill, Deploy, RunbookRun, RunbookRuns, RunbookApprove, DepsAudit, DepsDb, Patches, Example,
        MigrateRun];

    /// <summary>The synopsis at the top of docs/cli.md: the form every command takes, not a command to run.</summary>
    public const string Synopsis = "jaga [--plan FILE] [--json] [--lang en|id] COMMAND [options]";

    public static bool IsMarked(string line) => line.Contains(NotRun, StringComparison.Ordinal);

    /// <summary>A line that runs jaga as a reader would type it: <c>jaga …</c>, or <c>sudo jaga …</c>.</summary>
    public static bool IsJagaLine(string line)
    {
        var l = line.Trim();
        if (l.StartsWith("sudo ", StringComparison.Ordinal)) l = l[5..].TrimStart();
        return l == "jaga" || l.StartsWith("jaga ", StringComparison.Ordinal);
    }
}
