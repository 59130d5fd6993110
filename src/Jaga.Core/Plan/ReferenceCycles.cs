using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Names of one list that refer to names of the same list (a check's <c>depends_on</c>) must not go round: a check
/// that depends on itself, directly or through others, would hold its own alerts back for ever. Each cycle is reported
/// once, at the entry that closes it.</summary>
internal static class ReferenceCycles
{
    public static void Check(PNode node, ListShape list, NameKind kind, string path, string file, List<PlanError> errors)
    {
        if (node is not PList items || list.Item is not ObjectShape item) return;
        foreach (var field in item.Fields.Where(f => RefersTo(f.Shape) == kind))
            Check(items, field.Name, kind, path, file, errors);
    }

    private static NameKind? RefersTo(Shape shape) => shape switch
    {
        ScalarShape s => s.RefersTo,
        ListShape { Item: ScalarShape s } => s.RefersTo,
        _ => null,
    };

    private static void Check(PList items, string key, NameKind kind, string path, string file, List<PlanError> errors)
    {
        var edges = new Dictionary<string, List<(PScalar Target, int Index)>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Items.Count; i++)
        {
            if (items.Items[i] is PMap entry && entry["name"] is PScalar name && !edges.ContainsKey(name.Value))
                edges[name.Value] = Scalars(entry[key]).Select(s => (s, i)).ToList();
        }
        var visiting = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var word = PlanReferences.Word(kind);
        foreach (var start in edges.Keys) Visit(start);

        void Visit(string name)
        {
            if (done.Contains(name) || !edges.TryGetValue(name, out var targets)) return;
            visiting.Add(name);
            foreach (var (target, i) in targets)
            {
                var at = visiting.IndexOf(target.Value);
                if (at < 0)
                {
                    Visit(target.Value);
                    continue;
                }
                var message = target.Value == name
                    ? new Phrase("plan.error.cycle.self", [name])
                    : new Phrase("plan.error.cycle", [string.Join(" → ", visiting.Skip(at).Append(target.Value))]);
                errors.Add(PlanError.Of(file, target.Mark, new Phrase("plan.error.at", [$"{path}[{i}].{key}", message]),
                    new Phrase("plan.hint.cycle", [new Phrase($"plan.kind.{word}"), new Phrase($"plan.kind.{word}s"), key])));
            }
            visiting.RemoveAt(visiting.Count - 1);
            done.Add(name);
        }
    }

    private static IEnumerable<PScalar> Scalars(PNode? node) => node switch
    {
        PScalar { IsNull: false } s => [s],
        PList l => l.Items.OfType<PScalar>(),
        _ => [],
    };
}
