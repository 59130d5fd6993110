using System.Globalization;

namespace Jaga.Engine.Backup;

/// <summary>Compares the row counts a manifest recorded with those found after a restore.</summary>
public static class RowCounts
{
    /// <summary>One line per table whose count differs or that is missing on either side; empty when they all match.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> found)
    {
        var problems = new List<string>();
        foreach (var (table, rows) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!found.TryGetValue(table, out var restored)) problems.Add($"{table}: missing after the restore");
            else if (restored != rows) problems.Add(string.Create(CultureInfo.InvariantCulture, $"{table}: {rows} in the manifest, {restored} restored"));
        }
        foreach (var table in found.Keys.Where(t => !expected.ContainsKey(t)).Order(StringComparer.Ordinal))
            problems.Add($"{table}: restored but not in the manifest");
        return problems;
    }
}
