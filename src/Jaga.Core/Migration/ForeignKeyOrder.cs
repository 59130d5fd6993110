namespace Jaga.Core.Migration;

/// <summary>Puts tables in foreign-key order: every table after the tables it references, so loading in this order never
/// breaks a key. Among tables free to go, the name decides, so the order is the same on every run. A cycle (a references
/// b, b references a) has no such order: it is reported, and its tables follow by name.</summary>
public static class ForeignKeyOrder
{
    /// <summary>The order, and each cycle as the names of its tables (sorted). A table's reference to itself is no cycle,
    /// and references to tables not in <paramref name="tables"/> are left out.</summary>
    public static (IReadOnlyList<T> Ordered, IReadOnlyList<IReadOnlyList<string>> Cycles) Sort<T>(
        IReadOnlyList<T> tables, Func<T, string> name, Func<T, IEnumerable<string>> references)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var byName = tables.ToDictionary(name, StringComparer.Ordinal);
        var parents = tables.ToDictionary(name, t => references(t).Where(r => r != name(t) && byName.ContainsKey(r)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var cycles = Cycles(parents);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<T>();
        var left = new SortedSet<string>(byName.Keys, StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(n => parents[n].All(done.Contains))
                // Stuck on a cycle: the table with the fewest parents still to come goes first, then by name.
                ?? left.OrderBy(n => parents[n].Count(p => !done.Contains(p))).ThenBy(n => n, StringComparer.Ordinal).First();
            left.Remove(next);
            done.Add(next);
            ordered.Add(byName[next]);
        }
        return (ordered, cycles);
    }

    /// <summary>The strongly connected components of more than one table (Tarjan).</summary>
    private static List<IReadOnlyList<string>> Cycles(Dictionary<string, HashSet<string>> parents)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<IReadOnlyList<string>>();
        var counter = 0;
        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in parents[v].Order(StringComparer.Ordinal))
            {
                if (index.TryGetValue(w, out var seen))
                {
                    if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
                    continue;
                }
                Visit(w);
                low[v] = Math.Min(low[v], low[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            } while (x != v);
            if (component.Count > 1) found.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var v in parents.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return found.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }
}
