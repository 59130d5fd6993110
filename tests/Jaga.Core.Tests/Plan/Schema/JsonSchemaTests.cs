using System.Text.Json.Nodes;
using Jaga.Core.Plan.Schema;

namespace Jaga.Core.Tests.Plan.Schema;

/// <summary>docs/jaga.schema.json is what editors validate plans with: it must be what <see cref="JsonSchemaWriter"/> writes today.</summary>
public sealed class JsonSchemaTests
{
    private const string Regenerate =
        "Regenerate it: JAGA_UPDATE_SCHEMA=1 dotnet test tests/Jaga.Core.Tests --filter Committed_json_schema_is_what_the_plan_schema_writes, then commit docs/jaga.schema.json.";

    private static readonly string SchemaFile = RepoRoot.Combine("docs", "jaga.schema.json");

    [Fact]
    public void Committed_json_schema_is_what_the_plan_schema_writes()
    {
        var written = JsonSchemaWriter.Write();
        if (Environment.GetEnvironmentVariable("JAGA_UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SchemaFile)!);
            File.WriteAllText(SchemaFile, written);
        }

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing. {Regenerate}");
        var committed = File.ReadAllText(SchemaFile).ReplaceLineEndings("\n");
        Assert.True(committed == written, $"docs/jaga.schema.json is out of date with PlanSchema. {Regenerate}");
    }

    [Fact]
    public void Json_schema_forbids_unknown_keys_and_requires_what_the_plan_requires()
    {
        var schema = JsonNode.Parse(JsonSchemaWriter.Write())!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(["version", "project"], schema["required"]!.AsArray().Select(n => (string?)n));
        var job = schema["properties"]!["backup"]!["items"]!;
        Assert.Equal(["name", "source", "to"], job["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("zstd", (string?)job["properties"]!["compress"]!["default"]);
    }

    [Fact]
    public void Json_schema_marks_credentials_write_only()
    {
        var destination = JsonNode.Parse(JsonSchemaWriter.Write())!["properties"]!["destinations"]!["additionalProperties"]!["properties"]!;

        Assert.True((bool)destination["secret_key"]!["writeOnly"]!);
        Assert.Null(destination["path"]!["writeOnly"]);
    }
}
