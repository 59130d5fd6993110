using System.Text.Json.Nodes;

namespace Jaga.Engine.Secrets;

/// <summary><c>jaga secrets scan --format json</c>: the report as data; secrets masked.</summary>
public static class SecretsJson
{
    public static JsonObject Of(SecretsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["root"] = report.Root,
            ["history"] = report.History,
            ["rules"] = report.RuleSource,
            ["files"] = report.Files,
            ["bytes"] = report.Bytes,
            ["commits"] = report.Commits,
            ["gitignore"] = report.GitIgnoreUsed,
            ["clean"] = report.Clean,
            ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["rule"] = f.RuleId,
                ["description"] = f.Description,
                ["file"] = f.Path,
                ["line"] = f.Line,
                ["column"] = f.Column,
                ["secret"] = f.Masked,
                ["entropy"] = f.Entropy,
                ["commit"] = f.Commit,
                ["fingerprint"] = f.Fingerprint,
            })]),
            ["skipped"] = new JsonArray([.. report.Skipped.Select(s => (JsonNode)new JsonObject
            {
                ["file"] = s.Path,
                ["reason"] = Word(s.Reason),
                ["detail"] = s.Detail,
            })]),
        };
    }

    /// <summary>A reason as JSON and the catalog's <c>word.secrets.skip.*</c> keys spell it.</summary>
    public static string Word(SkipReason reason) => reason switch
    {
        SkipReason.TooLarge => "too_large",
        SkipReason.Binary => "binary",
        SkipReason.NotRegular => "not_regular",
        SkipReason.Unreadable => "unreadable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a skip reason"),
    };
}
