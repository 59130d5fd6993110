using System.Text;
using System.Text.Json;
using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A JSON manifest read into objects and strings that remember where they are written, so a version's line is
/// known and an edit replaces exactly its characters. Arrays, numbers and literals are kept as placeholders.</summary>
internal sealed class JsonTree
{
    private readonly TextLines lines;

    private JsonTree(JsonObject root, TextLines lines)
    {
        Root = root;
        this.lines = lines;
    }

    public JsonObject Root { get; }

    public int LineOf(int offset) => lines.LineOf(offset);

    /// <summary>Parses <paramref name="text"/>, whose top level must be an object; anything else is a
    /// <see cref="ManifestException"/> at the parser's line.</summary>
    public static JsonTree Parse(ManifestFile file, string text, Catalog words, string hint)
    {
        var bom = text.StartsWith('\uFEFF') ? 1 : 0;
        var utf8 = Encoding.UTF8.GetBytes(text[bom..]);
        var offsets = new Offsets(utf8, bom);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new ManifestException(file.Path, 1, words["reason.manifest.json.object"], hint);
            var root = ReadObject(ref reader, offsets);
            // The reader refuses anything but spaces and comments after the top-level object.
            while (reader.Read())
            {
            }
            return new JsonTree(root, new TextLines(text));
        }
        catch (JsonException e)
        {
            throw new ManifestException(file.Path, e.LineNumber is { } l ? (int)l + 1 : null, words.Format("reason.manifest.json", e.Message), hint);
        }
    }

    private static JsonObject ReadObject(ref Utf8JsonReader reader, Offsets offsets)
    {
        var start = offsets.CharOf((int)reader.TokenStartIndex);
        var members = new List<JsonMember>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var at = offsets.CharOf((int)reader.TokenStartIndex);
            reader.Read();
            members.Add(new JsonMember(name, at, ReadValue(ref reader, offsets)));
        }
        return new JsonObject(members, start);
    }

    private static JsonItem ReadValue(ref Utf8JsonReader reader, Offsets offsets)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, offsets);
            case JsonTokenType.String:
                var quote = offsets.CharOf((int)reader.TokenStartIndex);
                var end = offsets.CharOf((int)reader.TokenStartIndex + 1 + reader.ValueSpan.Length);
                return new JsonString(reader.GetString()!, quote, quote + 1, end - quote - 1, reader.ValueIsEscaped);
            default:
                var at = offsets.CharOf((int)reader.TokenStartIndex);
                reader.Skip();
                return new JsonOther(at);
        }
    }

    /// <summary>Turns the reader's byte offsets into character offsets of the text. The reader moves forward only, so
    /// one cursor walks the bytes once however large the file.</summary>
    private sealed class Offsets(byte[] utf8, int bom)
    {
        private int bytes;
        private int chars;

        public int CharOf(int byteOffset)
        {
            if (byteOffset < bytes)
            {
                bytes = 0;
                chars = 0;
            }
            chars += Encoding.UTF8.GetCharCount(utf8, bytes, byteOffset - bytes);
            bytes = byteOffset;
            return chars + bom;
        }
    }
}
