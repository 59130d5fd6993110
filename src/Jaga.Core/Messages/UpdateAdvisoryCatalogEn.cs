namespace Jaga.Core.Messages;

/// <summary>The texts of the local advisory database: the journal line of an import and what <c>jaga deps db</c> prints.</summary>
internal static class UpdateAdvisoryCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["deps.db.updated"] = "Advisory data updated: {0} advisories ({1})",
        ["cli.deps.db.imported"] = "{0}: {1} advisories from {2}",
        ["cli.deps.db.downloading"] = "Downloading {0} …",
        ["cli.deps.db.downloaded"] = "Downloaded {0} ({1} MB)",
        ["cli.deps.db.columns"] = "ECOSYSTEM|IMPORTED|AGE|ADVISORIES|SOURCE",
        ["cli.deps.db.never"] = "never",
        ["cli.deps.db.empty"] = "No advisory data yet in {0}: run 'jaga deps db update' to download OSV's advisories.",
        ["cli.deps.db.where"] = "Advisory database: {0}",
    };
}
