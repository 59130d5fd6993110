namespace Jaga.Core.Updates.Manifests;

/// <summary>A JSON object of a <see cref="JsonTree"/>: its members in the order written.</summary>
internal sealed record JsonObject(IReadOnlyList<JsonMember> Members, int Offset) : JsonItem(Offset)
{
    /// <summary>The member's value; the last one when a name is written twice, as JSON.parse keeps it.</summary>
    public JsonItem? this[string name] => Members.LastOrDefault(m => m.Name == name)?.Value;

    public string? Text(string name) => this[name] is JsonString s ? s.Value : null;
}
