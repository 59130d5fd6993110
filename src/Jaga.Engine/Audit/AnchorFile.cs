using System.Text.Json;
using System.Text.Json.Serialization;
using Jaga.Core.Ledger;
using Jaga.Engine.Files;

namespace Jaga.Engine.Audit;

/// <summary>A checkpoint exported to a file kept elsewhere: the external anchor that makes truncation detectable.</summary>
public static class AnchorFile
{
    public static void Write(string path, Checkpoint c, string project)
    {
        var dto = new AnchorDto(Checkpoint.Format, project, c.Seq, c.Head, c.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), c.KeyId, c.Signature);
        try
        {
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(dto, AnchorJsonContext.Default.AnchorDto) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file the user named (--out, audit.anchors): the user's to fix, not a bug.
            throw new Core.Errors.UserException($"cannot write the checkpoint file {path}: {e.Message}", "check that its folder exists and can be written", e);
        }
    }

    /// <summary>Reads an anchor; throws <see cref="FormatException"/> with a readable reason.</summary>
    public static Checkpoint Read(string path)
    {
        AnchorDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(File.ReadAllText(path), AnchorJsonContext.Default.AnchorDto);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} is not a checkpoint file: {e.Message}", e);
        }
        if (dto is null || dto.Format != Checkpoint.Format || dto.Head is null || dto.Signature is null || dto.KeyId is null || dto.Time is null)
            throw new FormatException($"{path} is not a {Checkpoint.Format} file");
        if (!DateTimeOffset.TryParse(dto.Time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
            throw new FormatException($"{path}: 'time' is not a time");
        return new Checkpoint(dto.Seq, dto.Head, time, dto.KeyId, dto.Signature);
    }
}

internal sealed record AnchorDto(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("project")] string? Project,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("head")] string? Head,
    [property: JsonPropertyName("time")] string? Time,
    [property: JsonPropertyName("key_id")] string? KeyId,
    [property: JsonPropertyName("signature")] string? Signature);

[JsonSerializable(typeof(AnchorDto))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class AnchorJsonContext : JsonSerializerContext;
