using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jaga.Core.Migration;

/// <summary>Reads and writes <c>manifest.json</c> as indented, snake_case JSON.</summary>
public static class ExportManifestJson
{
    public static string Write(ExportManifest manifest) => JsonSerializer.Serialize(manifest, ExportManifestJsonContext.Default.ExportManifest) + "\n";

    /// <summary>Parses a manifest; null with a reason when the text is not one Jaga can use.</summary>
    public static ExportManifest? TryRead(string text, out string? problem)
    {
        problem = null;
        ExportManifest? m;
        try
        {
            m = JsonSerializer.Deserialize(text, ExportManifestJsonContext.Default.ExportManifest);
        }
        catch (JsonException e)
        {
            problem = $"not a Jaga export manifest: {e.Message}";
            return null;
        }
        if (m is null || m.Format != ExportManifest.CurrentFormat)
            problem = $"not a Jaga export manifest (format '{m?.Format}', expected '{ExportManifest.CurrentFormat}')";
        else if (m.Tables.FirstOrDefault(t => string.IsNullOrEmpty(t.Name) || string.IsNullOrEmpty(t.File) || t.Columns.Count == 0) is { } bad)
            problem = $"the manifest's table '{bad.Name}' lacks a name, a file or columns";
        else if (m.Tables.FirstOrDefault(t => t.File.Contains('/') || t.File.Contains('\\') || t.File.StartsWith('.')) is { } escaping)
            problem = $"the manifest's table '{escaping.Name}' names a file outside the export folder: {escaping.File}";
        else if (m.Tables.FirstOrDefault(t => t.Rows < 0) is { } negative)
            problem = $"the manifest's table '{negative.Name}' has a negative row count";
        return problem is null ? m : null;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ExportManifest))]
internal sealed partial class ExportManifestJsonContext : JsonSerializerContext;
