using System.Diagnostics;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Jaga.Cli.Tests;

/// <summary>Alone: it measures the bytes the process allocates per case, which tests running beside it would add to.</summary>
[CollectionDefinition(nameof(PlanFuzzTests), DisableParallelization = true)]
public sealed class PlanFuzzCollection;

/// <summary>The hostile tester's plans as a permanent test: the example plan and the plan <c>jaga init</c> writes, mutated
/// by a fixed seed (deleted and duplicated lines, swapped types, huge and negative numbers, unicode, tabs, long strings,
/// deep nesting, aliases, unbalanced brackets, garbage bytes) and run through <c>jaga validate</c>. Every case ends with
/// 0 or 2 (1 allowed), never a bug's 70; every error line carries <c>file:line:column</c>; each case is quick and small.</summary>
[Collection(nameof(PlanFuzzTests))]
public sealed partial class PlanFuzzTests(ITestOutputHelper output)
{
    private const ulong Seed = 20261206;
    private const int Cases = 300;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(3);
    private const long AllocationBound = 200L * 1024 * 1024;

    [Fact]
    public async Task Mutated_plans_never_crash_validate_and_every_error_has_a_position()
    {
        using var example = ExampleWorkspace();
        using var starter = await StarterWorkspaceAsync();
        var bases = new[] { (Workspace: example, Lines: Lines(example.PlanPath)), (Workspace: starter, Lines: Lines(starter.PlanPath)) };
        Assert.Equal(0, (await example.Jaga("validate")).Code); // also the warm-up: the first run pays for JIT

        var mutation = Gen.Choose(0, PlanMutation.Kinds - 1).Zip(Gen.Choose(0, 1 << 30).Zip(Gen.Choose(0, 1 << 30)))
            .Select(t => new PlanMutation(t.Item1, t.Item2.Item1, t.Item2.Item2));
        var cases = Gen.Choose(0, bases.Length - 1).Zip(mutation.ArrayOf(3).Zip(Gen.Choose(1, 3)))
            .Select(t => (Base: t.Item1, Mutations: t.Item2.Item1[..t.Item2.Item2]));
        var failures = new List<string>();
        var exits = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach ((int which, PlanMutation[] mutations) in Gen.Sample(cases, Cases, new Rnd(Seed), 50))
        {
            var (ws, original) = bases[which];
            var lines = original.ToList();
            foreach (var m in mutations) m.Apply(lines);
            File.WriteAllBytes(ws.PlanPath, PlanMutation.Encode(lines, mutations));
            var name = $"base {which}, mutations {string.Join(", ", mutations.Select(m => m.ToString()))}";

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = clock.Elapsed;
            var r = await ws.Jaga("validate");
            var took = clock.Elapsed - started;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            exits[r.Code] = exits.GetValueOrDefault(r.Code) + 1;
            if (r.Code is not (0 or 1 or 2)) failures.Add($"{name}: exit {r.Code}\n{Head(r.ToString())}");
            if (took > TimeBound) failures.Add($"{name}: took {took}");
            if (allocated > AllocationBound) failures.Add($"{name}: allocated {allocated:N0} bytes");
            if (r.Code == 2)
            {
                // Every line but the last (the count of problems) is one error: file:line:column: message (hint).
                var errorLines = r.Err.TrimEnd('\n').Split('\n');
                foreach (var line in errorLines[..^1].Where(l => !Positioned().IsMatch(l)))
                    failures.Add($"{name}: error line without file:line:column: {Head(line)}");
            }
        }

        output.WriteLine($"{Cases} cases in {clock.Elapsed}; exits: {string.Join(", ", exits.Select(e => $"{e.Key}×{e.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n\n", failures.Take(20)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the fuzz run took {clock.Elapsed}");
    }

    private static string Head(string text) => text.Length <= 1500 ? text : text[..1500] + "…";

    private static List<string> Lines(string path) => [.. File.ReadAllText(path).TrimEnd('\n').Split('\n')];

    /// <summary>The example plan in a folder of its own, with its env file beside it.</summary>
    private static Workspace ExampleWorkspace()
    {
        var ws = new Workspace();
        var example = Path.Combine(ValidateCommandTests.FindRoot(), "examples", "tokoku");
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(ws.Dir, Path.GetRelativePath(example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return ws;
    }

    /// <summary>The plan <c>jaga init</c> writes for a project with a database URL in its env file.</summary>
    private static async Task<Workspace> StarterWorkspaceAsync()
    {
        var ws = new Workspace("", "DATABASE_URL=postgres://app:pw-fuzz-123@localhost:5432/app\n");
        File.Delete(ws.PlanPath);
        var r = await ws.Jaga("--plan", ws.PlanPath, "init");
        Assert.True(r.Code == 0, r.ToString());
        return ws;
    }

    [GeneratedRegex(@"^.+:\d+:\d+: ")]
    private static partial Regex Positioned();
}
