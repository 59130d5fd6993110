using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jaga.Core.Plan.Schema;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Jaga.Core.Tests.Plan.Schema;

/// <summary>docs/jaga.schema.json checked by a real JSON Schema validator (JsonSchema.Net), as an editor would: the
/// example plan and a plan using every key pass it, and every default the schema states passes its own key's schema.</summary>
public sealed class JsonSchemaValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(JsonSchemaWriter.Write());

    [Fact]
    public void The_example_plan_validates()
    {
        var plan = ToJson(RepoRoot.Combine("examples", "tokoku", "jaga.yaml"));
        var result = Schema.Evaluate(Element(plan), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Errors(result));
    }

    /// <summary>Keys the schema reserves but Jaga refuses in this release, each with the reason its description gives.</summary>
    private static readonly Dictionary<string, string> RefusedForNow = new(StringComparer.Ordinal)
    {
        ["$.backup[].source.mysql"] = "MySQL backup sources are not in this release",
    };

    private static string EveryKeyPlan => RepoRoot.Combine("tests", "Jaga.Core.Tests", "Plan", "Schema", "Plans", "every-key.yaml");

    [Fact]
    public void A_plan_using_every_key_passes_jagas_validation_and_the_json_schema()
    {
        var loaded = Plans.Load(File.ReadAllText(EveryKeyPlan), files: new Dictionary<string, string> { [".env.production"] = "BACKUP_PASSPHRASE=x\n" });
        Assert.True(loaded.Ok, "Jaga refuses tests/Jaga.Core.Tests/Plan/Schema/Plans/every-key.yaml:\n" + string.Join("\n", loaded.Errors));
        var result = Schema.Evaluate(Element(ToJson(EveryKeyPlan)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Errors(result));
    }

    [Fact]
    public void The_every_key_plan_uses_every_key_of_the_schema()
    {
        var schema = JsonNode.Parse(JsonSchemaWriter.Write())!;
        var all = SchemaKeyPaths.Of(schema);
        var used = SchemaKeyPaths.Used(schema, ToJson(EveryKeyPlan));
        Assert.True(all.Count > 150, $"only {all.Count} key paths found in the schema");
        var missing = all.Except(used).Except(RefusedForNow.Keys).ToList();
        Assert.True(missing.Count == 0, "tests/Jaga.Core.Tests/Plan/Schema/Plans/every-key.yaml leaves out:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_plan_with_a_wrong_type_fails_the_schema()
    {
        var plan = JsonNode.Parse("""{ "version": 1, "project": "x", "scheduler": { "concurrency": "four" } }""");
        Assert.False(Schema.Evaluate(Element(plan)).IsValid);
    }

    [Fact]
    public void Every_default_validates_against_its_own_key()
    {
        var checkedDefaults = 0;
        var bad = new List<string>();
        foreach (var (path, property) in Properties(JsonNode.Parse(JsonSchemaWriter.Write())!, "$"))
        {
            if (property["default"] is not { } value) continue;
            checkedDefaults++;
            var own = property.DeepClone().AsObject();
            own.Remove("default");
            own["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            var result = JsonSchema.FromText(own.ToJsonString()).Evaluate(Element(value));
            if (!result.IsValid) bad.Add($"{path}: default {value.ToJsonString()}");
        }
        Assert.True(checkedDefaults > 20, $"only {checkedDefaults} defaults found");
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    private static IEnumerable<(string Path, JsonObject Property)> Properties(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            if (o["properties"] is JsonObject props)
            {
                foreach (var (name, p) in props)
                {
                    if (p is JsonObject po) yield return ($"{path}.{name}", po);
                }
            }
            foreach (var (name, child) in o)
            {
                if (child is null) continue;
                foreach (var x in Properties(child, $"{path}.{name}")) yield return x;
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is { } child)
                {
                    foreach (var x in Properties(child, $"{path}[{i}]")) yield return x;
                }
            }
        }
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node);

    /// <summary>YAML read as a YAML 1.2 core-schema reader (an editor's) would: plain true/false, integers and null are
    /// typed, everything else is a string.</summary>
    private static JsonNode? ToJson(string yamlPath)
    {
        using var reader = new StreamReader(yamlPath);
        return ToJson(reader);
    }

    /// <summary>YAML text as an editor's reader sees it, for other tests that check plans against the schema.</summary>
    internal static JsonNode? ToJson(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        return Convert(stream.Documents[0].RootNode);
    }

    /// <summary>The schema's problems with <paramref name="plan"/>, empty when it is valid.</summary>
    internal static string Problems(JsonNode? plan)
    {
        var result = Schema.Evaluate(Element(plan), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? "" : Errors(result);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value),
        _ => throw new JsonException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return JsonValue.Create(n);
        return JsonValue.Create(value);
    }
}
