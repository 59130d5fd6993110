using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Versions;
using Jaga.Sqlite.Advisories;

/// <summary>Matching packages against the local advisory database as an audit does: one lookup per ecosystem for all
/// the names, then OSV's evaluation and the fixed version for each advisory that names a package.</summary>
internal static class OsvMatchBench
{
    // Usage: Jaga.Bench osv-match <advisories.db> <names.tsv: ecosystem TAB name TAB version>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Jaga.Bench osv-match <advisories.db> <names.tsv>");
            return 2;
        }
        var packages = File.ReadAllLines(args[1]).Select(l => l.Split('\t')).Select(p => (Ecosystem: Ecosystem(p[0]), Name: p[1], Version: p[2])).ToList();
        // The benchmark's composition root: the one place it reads the system clock.
#pragma warning disable RS0030
        var db = await SqliteAdvisoryDatabase.OpenAsync(args[0], TimeProvider.System);
#pragma warning restore RS0030
        for (var round = 1; round <= 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (advisories, affected, fixes) = await MatchAsync(db, packages);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round={round} packages={packages.Count} advisories={advisories} affected={affected} with_fix={fixes} match_s={sw.Elapsed.TotalSeconds:0.000} cpu_s={cpu.TotalSeconds:0.000}"));
        }
        return 0;
    }

    private static async Task<(int Advisories, int Affected, int Fixes)> MatchAsync(SqliteAdvisoryDatabase db, List<(Ecosystem Ecosystem, string Name, string Version)> packages)
    {
        var advisories = 0;
        var affected = 0;
        var fixes = 0;
        foreach (var group in packages.GroupBy(p => p.Ecosystem))
        {
            var found = await db.ForPackagesAsync(group.Key, [.. group.Select(p => p.Name)], CancellationToken.None);
            advisories += found.Count;
            var byName = found.SelectMany(a => a.Affected.Select(p => (Key: PackageNames.Normalize(group.Key, p.Name), Advisory: a)))
                .ToLookup(x => x.Key, x => x.Advisory);
            var scheme = VersionScheme.For(group.Key);
            foreach (var (_, name, text) in group)
            {
                if (!scheme.TryParseVersion(text, out var version)) continue;
                foreach (var a in byName[PackageNames.Normalize(group.Key, name)].Distinct())
                {
                    if (!AdvisoryMatch.Affects(a, name, version)) continue;
                    affected++;
                    if (AdvisoryMatch.FixedVersion(a, name, version) is not null) fixes++;
                }
            }
        }
        return (advisories, affected, fixes);
    }

    private static Ecosystem Ecosystem(string word) => OsvJson.EcosystemOf(word) ?? throw new FormatException($"unknown ecosystem {word}");
}
