namespace Jaga.Core.Messages;

/// <summary>The texts of the secrets scan: its journal line and what <c>jaga secrets scan</c> prints. Kept beside
/// <see cref="SecretsCatalogId"/>, merged in <see cref="Catalog"/>.</summary>
internal static class SecretsCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["secrets.scanned"] = "Secrets scan of {0} ({1}, rules: {2}): {3} files read, {4} skipped, {5} secret(s) found",
        ["word.secrets.scope.tree"] = "working tree",
        ["word.secrets.scope.history"] = "git history",
        ["word.secrets.skip.too_large"] = "too large",
        ["word.secrets.skip.binary"] = "binary",
        ["word.secrets.skip.not_regular"] = "not a regular file",
        ["word.secrets.skip.unreadable"] = "unreadable",
        ["cli.secrets.columns"] = "file|line|rule|secret|commit",
        ["cli.secrets.summary"] = "{0} files read ({1}) in the {2} of {3}; rules: {4}; {5} skipped",
        ["cli.secrets.commits"] = "{0} commits read (every branch and tag).",
        ["cli.secrets.gitignore"] = "Files chosen by git: tracked ones, and untracked ones .gitignore does not hide.",
        ["cli.secrets.skipped"] = "Skipped {0}: {1} ({2})",
        ["cli.secrets.skipped.more"] = "… and {0} more skipped (see --format json)",
        ["cli.secrets.clean"] = "No secret found.",
        ["cli.secrets.found"] = "{0} secret(s) found. Remove and rotate each (a secret once committed stays in the history); allow a known one with secrets.allow in the plan or jaga:allow on its line.",
        ["cli.secrets.format.invalid"] = "--format: '{0}' is not a format",
        ["cli.secrets.format.invalid.hint"] = "use table, json or sarif",
    };
}
