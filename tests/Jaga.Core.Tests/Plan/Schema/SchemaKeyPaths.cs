using System.Text.Json.Nodes;

namespace Jaga.Core.Tests.Plan.Schema;

/// <summary>The key paths of the JSON Schema (<c>$.backup[].keep.daily</c>, <c>$.destinations.*.s3</c>), and the ones a plan
/// uses, read through the same schema, so that a test can say which keys a plan leaves out.</summary>
internal static class SchemaKeyPaths
{
    public static SortedSet<string> Of(JsonNode schema)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(schema, "$", paths);
        return paths;
    }

    /// <summary>The key paths <paramref name="plan"/> uses: a key is named by the schema's property, or <c>*</c> when the
    /// schema takes any key there (a map of destinations, headers, disks).</summary>
    public static SortedSet<string> Used(JsonNode schema, JsonNode? plan)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Follow(schema, plan, "$", paths);
        return paths;
    }

    private static void Walk(JsonNode? node, string path, SortedSet<string> paths)
    {
        if (node is not JsonObject o) return;
        if (o["properties"] is JsonObject props)
        {
            foreach (var (key, child) in props)
            {
                paths.Add($"{path}.{key}");
                Walk(child, $"{path}.{key}", paths);
            }
        }
        if (o["additionalProperties"] is JsonObject any)
        {
            paths.Add($"{path}.*");
            Walk(any, $"{path}.*", paths);
        }
        Walk(o["items"], path + "[]", paths);
        foreach (var option in Options(o)) Walk(option, path, paths);
    }

    private static void Follow(JsonNode? schema, JsonNode? value, string path, SortedSet<string> paths)
    {
        if (schema is not JsonObject s) return;
        foreach (var option in Options(s)) Follow(option, value, path, paths);
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (s["properties"] is JsonObject props && props[key] is { } known)
                    {
                        paths.Add($"{path}.{key}");
                        Follow(known, child, $"{path}.{key}", paths);
                    }
                    else if (s["additionalProperties"] is JsonObject any)
                    {
                        paths.Add($"{path}.*");
                        Follow(any, child, $"{path}.*", paths);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a) Follow(s["items"], item, path + "[]", paths);
                break;
        }
    }

    private static IEnumerable<JsonNode?> Options(JsonObject o) =>
        (o["anyOf"] as JsonArray ?? []).Concat(o["oneOf"] as JsonArray ?? []);
}
