using System.Text;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Which sections of the plan changed between two versions of its text, for the audit record of a reload
/// (the seed asks that significant changes be reviewed). Names what changed, never a value: values may be secrets.</summary>
public static class PlanDiff
{
    /// <summary>One description per changed top-level section, e.g. <c>backup (changed: db; added: uploads)</c>, in the
    /// new plan's order; removed sections last.</summary>
    public static IReadOnlyList<string> Sections(string oldText, string newText)
    {
        var before = Root(oldText);
        var after = Root(newText);
        var changes = new List<string>();
        foreach (var entry in after.Entries)
        {
            var old = before[entry.Key];
            if (old is null) changes.Add(entry.Key + " (added)");
            else if (Canonical(old) != Canonical(entry.Value)) changes.Add(entry.Key + Named(old, entry.Value));
        }
        foreach (var entry in before.Entries)
            if (after[entry.Key] is null) changes.Add(entry.Key + " (removed)");
        return changes;
    }

    /// <summary>For a list of named items (backup jobs, checks, runbooks), or a list under a key, which names changed.</summary>
    private static string Named(PNode old, PNode now)
    {
        var a = Items(old);
        var b = Items(now);
        if (a is null || b is null) return "";
        var parts = new List<string>();
        var changed = b.Where(kv => a.TryGetValue(kv.Key, out var o) && o != kv.Value).Select(kv => kv.Key).ToList();
        var added = b.Keys.Where(k => !a.ContainsKey(k)).ToList();
        var removed = a.Keys.Where(k => !b.ContainsKey(k)).ToList();
        if (changed.Count > 0) parts.Add("changed: " + string.Join(", ", changed));
        if (added.Count > 0) parts.Add("added: " + string.Join(", ", added));
        if (removed.Count > 0) parts.Add("removed: " + string.Join(", ", removed));
        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    /// <summary>Named items of a section by name → canonical text: a list of maps with <c>name</c>, or a map of maps.</summary>
    private static Dictionary<string, string>? Items(PNode node)
    {
        if (node is PList list && list.Items.All(i => i is PMap m && m["name"] is PScalar))
            return list.Items.Cast<PMap>().GroupBy(m => ((PScalar)m["name"]!).Value).ToDictionary(g => g.Key, g => Canonical(g.First()), StringComparer.Ordinal);
        if (node is PMap map && map.Entries.All(e => e.Value is PMap or PList))
            return map.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => Canonical(g.First().Value), StringComparer.Ordinal);
        return null;
    }

    private static PMap Root(string text) => YamlReader.Read(text, "plan", []) as PMap ?? new PMap(default, []);

    /// <summary>The node as text without positions or comments, on the values as written (before ${VAR} is filled in).</summary>
    private static string Canonical(PNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(PNode node, StringBuilder sb)
    {
        switch (node)
        {
            case PScalar s:
                sb.Append('"').Append(s.Raw.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case PList l:
                sb.Append('[');
                foreach (var i in l.Items) { Write(i, sb); sb.Append(','); }
                sb.Append(']');
                break;
            case PMap m:
                sb.Append('{');
                foreach (var e in m.Entries) { sb.Append(e.Key).Append(':'); Write(e.Value, sb); sb.Append(','); }
                sb.Append('}');
                break;
        }
    }
}
