using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jaga.Core.Plan.Values;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Plan.Schema;

/// <summary>Writes <see cref="PlanSchema"/> as JSON Schema (draft 2020-12), published at docs/jaga.schema.json for editors.</summary>
public static class JsonSchemaWriter
{
    public static string Write()
    {
        var root = (JsonObject)Node(PlanSchema.Root);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://jaga.dev/jaga.schema.json",
            ["title"] = "jaga.yaml",
        };
        foreach (var (k, v) in root) schema[k] = v?.DeepClone();
        // Relaxed escaping: the file is read by people too, and '<', '+', '\'' and '…' are plain JSON text.
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options) + "\n";
    }

    private static JsonNode Node(Shape shape)
    {
        var node = shape switch
        {
            ObjectShape o => Object(o),
            ListShape l => List(l),
            MapShape m => new JsonObject { ["type"] = "object", ["additionalProperties"] = Node(m.Value) },
            UnionShape u => new JsonObject { ["anyOf"] = new JsonArray(u.Options.Select(Node).ToArray()) },
            ScalarShape s => Scalar(s),
            _ => new JsonObject(),
        };
        if (shape.Description is not null && node is JsonObject obj && !obj.ContainsKey("description")) obj["description"] = shape.Description;
        return node;
    }

    private static JsonObject Object(ObjectShape o)
    {
        var properties = new JsonObject();
        foreach (var f in o.Fields)
        {
            var p = (JsonObject)Node(f.Shape);
            if (f.Description is not null) p["description"] = f.Description;
            if (f.Default is not null) p["default"] = Default(f.Shape, f.Default);
            properties[f.Name] = p;
            foreach (var alias in f.Aliases) properties[alias] = new JsonObject { ["$comment"] = $"old name of {f.Name}", ["deprecated"] = true };
        }
        var result = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        var required = o.Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) result["required"] = new JsonArray(required);
        if (o.OneOf.Count > 0)
            result["oneOf"] = new JsonArray(o.OneOf.Select(k => (JsonNode)new JsonObject { ["required"] = new JsonArray((JsonNode)k) }).ToArray());
        if (o.AnyOf.Count > 0)
            result["anyOf"] = new JsonArray(o.AnyOf.Select(k => (JsonNode)new JsonObject { ["required"] = new JsonArray((JsonNode)k) }).ToArray());
        // The short form: the short key's value alone stands for the mapping.
        return o.ShortKey is { } shortKey ? new JsonObject { ["anyOf"] = new JsonArray(Node(o.Find(shortKey)!.Shape), result) } : result;
    }

    /// <summary>A default as the JSON type of its key: an integer or boolean default written as a string would fail the
    /// key's own schema in an editor.</summary>
    private static JsonNode Default(Shape shape, string value) => shape switch
    {
        ScalarShape { Kind: ScalarKind.Integer } => JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        ScalarShape { Kind: ScalarKind.Boolean } => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };

    private static JsonObject List(ListShape l)
    {
        var array = new JsonObject { ["type"] = "array", ["items"] = Node(l.Item) };
        return l.AllowSingle ? new JsonObject { ["anyOf"] = new JsonArray(array, Node(l.Item)) } : array;
    }

    private static JsonObject Scalar(ScalarShape s)
    {
        var o = s.Kind switch
        {
            ScalarKind.Integer => new JsonObject { ["type"] = "integer", ["minimum"] = s.Minimum },
            ScalarKind.Boolean => new JsonObject { ["type"] = "boolean" },
            ScalarKind.Enum => new JsonObject { ["enum"] = new JsonArray(s.Values.Select(v => (JsonNode)v).ToArray()) },
            ScalarKind.Duration => Pattern(@"^(\d+(ms|s|m|h|d|w))+$|^\$\{", DurationValue.Help),
            ScalarKind.Size => Pattern(@"^\d+(\.\d+)?\s*([KMGTkmgt]i?[Bb]|[KMGTkmgt]|[Bb])?$|^\$\{", ByteSize.Help),
            ScalarKind.Threshold => Pattern(@"^(<=|>=|<|>)\s*\d+(\.\d+)?\s*%$", Threshold.Help),
            ScalarKind.Cron => Pattern(@"^(@(hourly|daily|midnight|weekly|monthly|yearly|annually)|\S+( \S+){4})$", CronSchedule.Help),
            ScalarKind.Name => Pattern(@"^[A-Za-z0-9][A-Za-z0-9_\-]*$", "letters, digits, '-' and '_'"),
            ScalarKind.HostPort => Pattern(@"^(\S+|\[[0-9a-fA-F:]+\]):\d+$", "host:port"),
            ScalarKind.Value => new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
            ScalarKind.OnFailure => Pattern(@"^(stop|continue|runbook +[A-Za-z0-9][A-Za-z0-9_\-]*)$", "stop, continue, or runbook NAME"),
            ScalarKind.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
            ScalarKind.TimeZone => new JsonObject { ["type"] = "string", ["examples"] = new JsonArray("Asia/Jakarta", "Europe/Berlin", "UTC") },
            ScalarKind.Url => new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = $"^(({string.Join("|", s.Schemes)}):|\\$\\{{)",
            },
            _ => new JsonObject { ["type"] = "string" },
        };
        if (s.Kind is ScalarKind.Integer or ScalarKind.Boolean)
        {
            // ${VAR} is allowed wherever a value is: an integer or boolean may be written as a variable too.
            o = new JsonObject { ["anyOf"] = new JsonArray(o, new JsonObject { ["type"] = "string", ["pattern"] = @"^\$\{" }) };
        }
        if (s.Secret) o["writeOnly"] = true;
        return o;
    }

    private static JsonObject Pattern(string regex, string help) =>
        new() { ["type"] = "string", ["pattern"] = regex, ["description"] = help };
}
