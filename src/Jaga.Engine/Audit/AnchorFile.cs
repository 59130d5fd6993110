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

    /// <summary>The most an anchor file may hold: one is about 400 bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>What an anchor file is, said when a file given as one is not: the user may not remember where it came from.</summary>
    public const string Expected = $"an anchor is the JSON file that 'jaga audit checkpoint --out FILE' writes (\"format\": \"{Checkpoint.Format}\", with seq, head, time, key_id and signature)";

    /// <summary>Reads an anchor (a regular file of at most <see cref="MaxBytes"/>); throws <see cref="FormatException"/>
    /// that says where it went wrong and what an anchor is, or <see cref="IOException"/> when it cannot be read.</summary>
    public static Checkpoint Read(string path)
    {
        var text = Files.InputFile.ReadText(path, MaxBytes, "anchor file") ?? throw new FileNotFoundException($"{path} not found", path);
        AnchorDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(text, AnchorJsonContext.Default.AnchorDto);
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types ("could not be converted to System.String"): said in the user's words.
            var at = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            var what = e.Path is null or "$" ? "it is not a JSON object" : $"'{e.Path.TrimStart('$', '.')}' has the wrong kind of value";
            throw new FormatException($"{path} is not a checkpoint file:{at} {what}; {Expected}", e);
        }
        if (dto is null || dto.Format != Checkpoint.Format)
            throw new FormatException($"{path} is not a checkpoint file: its 'format' is not \"{Checkpoint.Format}\"; {Expected}");
        var missing = new[] { ("head", dto.Head), ("time", dto.Time), ("key_id", dto.KeyId), ("signature", dto.Signature) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0) throw new FormatException($"{path} is not a complete checkpoint file: {string.Join(", ", missing)} missing; {Expected}");
        if (!DateTimeOffset.TryParse(dto.Time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
            throw new FormatException($"{path}: 'time' is not a time such as 2025-11-15T02:00:00.000Z");
        return new Checkpoint(dto.Seq, dto.Head!, time, dto.KeyId!, dto.Signature!);
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
