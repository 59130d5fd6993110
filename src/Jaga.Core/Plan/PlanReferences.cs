using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Text;

namespace Jaga.Core.Plan;

/// <summary>Checks the names one part of the plan uses for another (destinations, channels, checks, runbooks, backup
/// jobs) from the schema's marks alone: where a kind of name is given (<see cref="ListShape.Names"/>,
/// <see cref="MapShape.Names"/>) and where it is used (<see cref="ScalarShape.RefersTo"/>). A new reference is a mark in
/// <see cref="PlanSchema"/>, not code here.</summary>
public static class PlanReferences
{
    public static void Check(PMap root, string file, List<PlanError> errors) => Check(root, PlanSchema.Root, file, errors);

    public static void Check(PMap root, ObjectShape schema, string file, List<PlanError> errors)
    {
        var given = new Dictionary<NameKind, List<string>>();
        Walk(root, schema, "", (node, shape, path) => Give(node, shape, path, given, file, errors));
        Walk(root, schema, "", (node, shape, path) => Use(node, shape, path, given, file, errors));
        Walk(root, schema, "", (node, shape, path) =>
        {
            if (shape is ListShape { Names: { } kind } list) ReferenceCycles.Check(node, list, kind, path, file, errors);
        });
    }

    /// <summary>Every node with its shape and its path in the plan's words (<c>monitoring.checks[0].alert</c>).</summary>
    internal static void Walk(PNode? node, Shape shape, string path, Action<PNode, Shape, string> visit)
    {
        if (node is null || node is PScalar { IsNull: true }) return;
        visit(node, shape, path);
        switch (shape)
        {
            case ObjectShape { ShortKey: { } shortKey } o when node is PScalar:
                // The short form (notify: oncall): its value is the short key's, at the object's own path.
                Walk(node, o.Find(shortKey)!.Shape, path, visit);
                break;
            case ObjectShape o when node is PMap map:
                foreach (var field in o.Fields)
                {
                    var value = map.Entry(field.Name)?.Value ?? field.Aliases.Select(a => map.Entry(a)?.Value).FirstOrDefault(v => v is not null);
                    Walk(value, field.Shape, path.Length == 0 ? field.Name : $"{path}.{field.Name}", visit);
                }
                break;
            case ListShape l when node is PList list:
                for (var i = 0; i < list.Items.Count; i++) Walk(list.Items[i], l.Item, $"{path}[{i}]", visit);
                break;
            case ListShape { AllowSingle: true } l when node is PScalar:
                Walk(node, l.Item, path, visit);
                break;
            case MapShape m when node is PMap map:
                foreach (var e in map.Entries) Walk(e.Value, m.Value, $"{path}.{e.Key}", visit);
                break;
        }
    }

    private static void Give(PNode node, Shape shape, string path, Dictionary<NameKind, List<string>> given, string file, List<PlanError> errors)
    {
        switch (shape)
        {
            case MapShape { Names: { } kind } when node is PMap map:
                Known(given, kind).AddRange(map.Entries.Select(e => e.Key));
                break;
            case ListShape { Names: { } kind } when node is PList list:
                var names = Known(given, kind);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is not PMap item || item["name"] is not PScalar name) continue;
                    if (names.Contains(name.Value))
                        errors.Add(PlanError.Of(file, name.Mark, new Phrase("plan.error.at", [$"{path}[{i}].name", new Phrase("plan.error.name.used", [name.Value])]),
                            new Phrase("plan.hint.name.used")));
                    else
                        names.Add(name.Value);
                }
                break;
        }
    }

    private static void Use(PNode node, Shape shape, string path, Dictionary<NameKind, List<string>> given, string file, List<PlanError> errors)
    {
        // A list of names is visited item by item with the item's shape; a single name may stand for the list.
        // A value whose ${…} was not filled in has its own error already.
        if (shape is not ScalarShape { RefersTo: { } kind } || node is not PScalar { IsNull: false, Unresolved: false } s) return;
        var known = Known(given, kind);
        if (known.Contains(s.Value)) return;
        var path0 = path.EndsWith(']') ? path[..path.LastIndexOf('[')] : path;
        var what = Word(kind);
        var near = Similarity.Nearest(s.Value, known);
        var whats = new Phrase($"plan.kind.{what}s");
        var hint = near is not null ? new Phrase("plan.hint.did.you.mean", [near])
            : known.Count == 0 ? new Phrase("plan.hint.define", [whats]) : new Phrase("plan.hint.known", [whats, string.Join(", ", known)]);
        var message = new Phrase("plan.error.unknown.ref", [new Phrase($"plan.kind.{what}"), s.Value]);
        errors.Add(PlanError.Of(file, s.Mark, new Phrase("plan.error.at", [path0, message]), hint));
    }

    private static List<string> Known(Dictionary<NameKind, List<string>> given, NameKind kind)
    {
        if (!given.TryGetValue(kind, out var names)) given[kind] = names = [];
        return names;
    }

    /// <summary>The kind in the words of messages: "unknown notify channel 'x'".</summary>
    public static string Word(NameKind kind) => kind switch
    {
        NameKind.Destination => "destination",
        NameKind.Channel => "notify channel",
        NameKind.Check => "check",
        NameKind.Runbook => "runbook",
        NameKind.BackupJob => "backup job",
        NameKind.MaintenanceWindow => "maintenance window",
        NameKind.Contact => "contact",
    };
}
