using System.Text.Json;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Unused;

namespace Jaga.Engine.Updates.Unused;

/// <summary>npm dependencies no source file under their package.json's folder imports or requires and no script names.</summary>
internal static class NpmUsage
{
    private static readonly string[] Extensions = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts"];

    public static IEnumerable<UnusedDependency> Find(string root, string manifest, IReadOnlyList<Dependency> dependencies)
    {
        var path = Path.Combine(root, manifest);
        var folder = Path.GetDirectoryName(path) ?? root;
        var imported = new HashSet<string>(StringComparer.Ordinal);
        var files = 0;
        foreach (var file in SourceFiles.Under(folder, Extensions))
        {
            files++;
            imported.UnionWith(JavaScriptImports.Packages(File.ReadAllText(file)));
        }
        var words = CommandTools.ScriptWords(Scripts(path));
        bool Used(string name) => imported.Contains(name) || CommandTools.NpmCommands(name).Any(words.Contains);
        foreach (var dependency in dependencies)
        {
            var name = dependency.Name;
            if (Used(name) || CommandTools.IsNpmPlugin(name)) continue;
            // @types/node declares Node's own modules (fs, path), which no manifest lists: used wherever TypeScript is.
            if (TypesBase(name) is { } typed && (typed == "node" || Used(typed))) continue;
            yield return new UnusedDependency(dependency, new Phrase("reason.unused.npm", [SourceFiles.Shown(root, folder), files]), UnusedConfidence.Medium);
        }
    }

    /// <summary>The package a <c>@types/</c> package declares types for: <c>@types/node</c> → <c>node</c>,
    /// <c>@types/babel__core</c> → <c>@babel/core</c>; null for any other package.</summary>
    public static string? TypesBase(string name)
    {
        if (!name.StartsWith("@types/", StringComparison.Ordinal)) return null;
        var rest = name["@types/".Length..];
        var scoped = rest.IndexOf("__", StringComparison.Ordinal);
        return scoped > 0 ? $"@{rest[..scoped]}/{rest[(scoped + 2)..]}" : rest;
    }

    private static List<string> Scripts(string packageJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(packageJson), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object
                ? [.. scripts.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.String).Select(s => s.Value.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            // The manifest reader already read this file; one it could read but this cannot names no script.
            return [];
        }
    }
}
