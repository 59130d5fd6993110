using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>The tools a user has without Jaga (bash, age, zstd, psql, sqlite3), run as the user would.</summary>
public static class ReferenceTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="script"/> with <c>bash -c</c>, failing on the first failing command of a pipe.</summary>
    public static async Task<ChildProcess.Result> BashAsync(string script, string? workingDirectory = null) =>
        await ChildProcess.RunAsync("bash", ["-c", "set -euo pipefail\n" + script], Timeout, workingDirectory);

    /// <summary>Makes an age X25519 identity with the real <c>age-keygen</c>; returns the key file and its recipient.</summary>
    public static async Task<(string KeyFile, string Recipient)> AgeKeyAsync(string folder)
    {
        var key = Path.Combine(folder, "age.key");
        var made = await ChildProcess.RunAsync("age-keygen", ["-o", key], Timeout);
        Assert.True(made.ExitCode == 0, made.Output);
        var recipient = await ChildProcess.RunAsync("age-keygen", ["-y", key], Timeout);
        Assert.True(recipient.ExitCode == 0, recipient.Output);
        return (key, recipient.Output.Trim());
    }

    /// <summary>Single-quotes <paramref name="s"/> for bash.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The manifest's <c>tables</c>, as <c>schema.table</c> → rows.</summary>
    public static Dictionary<string, long> ManifestTables(string manifestPath) =>
        JsonNode.Parse(File.ReadAllText(manifestPath))!["tables"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
}
