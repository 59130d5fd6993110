using System.Text.Json;
using System.Text.Json.Serialization;
using Jaga.Core.Plan;

namespace Jaga.Core.Backup;

/// <summary>Reads and writes manifests as indented, snake_case JSON that <c>jq</c> and people can read.</summary>
public static class ManifestJson
{
    /// <summary>Builds the serializer's metadata (a first use costs tens of milliseconds), so that a backup can do it
    /// on another thread while its source streams, not after.</summary>
    public static void Prepare() => _ = ManifestJsonContext.Default.BackupManifest;

    public static string Write(BackupManifest manifest) => JsonSerializer.Serialize(manifest, ManifestJsonContext.Default.BackupManifest) + "\n";

    /// <summary>Parses a manifest; null with a reason when the text is not one Jaga can use.</summary>
    public static BackupManifest? TryRead(string text, out string? problem)
    {
        problem = null;
        BackupManifest? m;
        try
        {
            m = JsonSerializer.Deserialize(text, ManifestJsonContext.Default.BackupManifest);
        }
        catch (JsonException e)
        {
            problem = $"not a Jaga manifest: {e.Message}";
            return null;
        }
        if (m is null || m.Format != BackupManifest.CurrentFormat)
            problem = $"not a Jaga manifest (format '{m?.Format}', expected '{BackupManifest.CurrentFormat}')";
        else if (string.IsNullOrEmpty(m.Id) || string.IsNullOrEmpty(m.Job) || string.IsNullOrEmpty(m.Artifact))
            problem = "the manifest lacks id, job or artifact";
        else if (m.Sha256 is not { Length: 64 } || m.Sha256.Any(c => !char.IsAsciiHexDigitLower(c)))
            problem = "the manifest's sha256 is not 64 lower-case hex digits";
        else if (m.Size < 0)
            problem = "the manifest's size is negative";
        return problem is null ? m : null;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, RespectNullableAnnotations = true,
    Converters = [typeof(PlanWordConverter<Compression>), typeof(PlanWordConverter<SourceKind>), typeof(PlanWordConverter<DumpFormat>)])]
[JsonSerializable(typeof(BackupManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
