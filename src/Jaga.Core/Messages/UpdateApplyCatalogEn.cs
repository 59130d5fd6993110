namespace Jaga.Core.Messages;

/// <summary>The texts of applying updates (<c>Jaga.Engine.Updates.Apply</c>, <c>jaga deps update --apply</c>): the
/// maintenance-log lines of rollbacks, the reasons each update ends with, what the test command may not be, and the
/// progress the terminal shows. The applied line itself is the seed's <c>update.dependency</c> in <see cref="CatalogEn"/>.</summary>
internal static class UpdateApplyCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["update.rolled.back"] = "Update rolled back: {0}: {1}: {2}",
        ["update.recovered"] = "Update interrupted earlier rolled back: {0} ({1} file(s) restored)",
        ["update.tests.failing"] = "Updates not applied: the tests fail before any update ({0}): {1}",
        ["reason.update.busy"] = "another jaga deps update is applying updates in {0}",
        ["reason.update.busy.hint"] = "wait for it to end; its lock is {0}",
        ["reason.update.applied"] = "applied; the tests passed",
        ["reason.update.tests.failed"] = "the tests failed ({0})",
        ["reason.update.lock.failed"] = "{0} failed ({1})",
        ["reason.update.baseline"] = "not tried: the tests fail before any update ({0})",
        ["reason.update.lock.file"] = "{0} is a lock file: it is refreshed from its manifest, never edited",
        ["reason.update.missing"] = "{0} is not there",
        ["reason.update.outside"] = "{0} is outside the project folder",
        ["reason.update.not.utf8"] = "{0} is not UTF-8 text",
        ["reason.update.unchanged"] = "{0} already names {1}",
        ["reason.update.test.empty"] = "{0} is empty: there is no test command to run the updates against",
        ["reason.update.test.empty.hint"] = "name the command that must pass after an update in {0}, e.g. dotnet test",
        ["reason.update.test.shell"] = "{2} runs without a shell, and {0} is shell syntax: {1}",
        ["reason.update.test.quote"] = "{1} has a quote that is never closed: {0}",
        ["reason.update.test.hint"] = "put the commands in a script and name it in {0} (./scripts/test.sh), or name the shell yourself: sh -c '…'",
        ["cli.update.recovered"] = "rolled back what an interrupted apply left: {0}",
        ["cli.update.baseline"] = "running the tests before any update: {0}",
        ["cli.update.group"] = "group {0}: {1} update(s)",
        ["cli.update.lock"] = "refreshing the lock file: {0}",
        ["cli.update.testing"] = "testing {0}",
        ["cli.update.passed"] = "tests passed with {0}",
        ["cli.update.failed"] = "failed with {0}: {1}",
        ["cli.update.bisect"] = "looking for the update that breaks the tests among {0}",
        ["cli.update.skipped"] = "skipped {0}: {1}",
    };
}
