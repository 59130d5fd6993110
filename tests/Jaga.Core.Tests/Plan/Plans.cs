using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary>Loads plan text in a made-up world: no process environment, files only from a dictionary.</summary>
internal static class Plans
{
    public const string File = "jaga.yaml";
    public const string Folder = "/srv/tokoku";

    /// <summary>The two keys every plan needs, on lines 1 and 2, so test plans start their own content on line 3.</summary>
    public const string Header = "version: 1\nproject: tokoku\n";

    public static PlanLoadResult Load(string yaml, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var world = new PlanWorld(
            name => variables is not null && variables.TryGetValue(name, out var v) ? v : null,
            path => files?.FirstOrDefault(f => System.IO.Path.Combine(Folder, f.Key) == path).Value);
        return PlanLoader.Load(yaml, File, Folder, world);
    }

    /// <summary>Loads a plan from disk the way the CLI does: real files, no environment variables.</summary>
    public static PlanLoadResult LoadFile(string path)
    {
        var world = new PlanWorld(_ => null, p => System.IO.File.Exists(p) ? System.IO.File.ReadAllText(p) : null);
        return PlanLoader.Load(System.IO.File.ReadAllText(path), path, System.IO.Path.GetDirectoryName(path)!, world);
    }

    public static LoadedPlan Valid(string yaml, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var result = Load(yaml, files, variables);
        Assert.True(result.Ok, "expected a valid plan, got:\n" + string.Join("\n", result.Errors));
        return result.Plan!;
    }

    /// <summary>Asserts that loading failed with exactly these errors, in this order. Each expected text is the start of
    /// the error as the user sees it, <c>file:line:column: message (hint)</c>, so it pins the position and the wording.</summary>
    public static void Reports(PlanLoadResult result, params string[] expected)
    {
        var actual = result.Errors.Select(e => e.ToString()).ToList();
        var listing = "actual errors:\n  " + string.Join("\n  ", actual);
        Assert.Null(result.Plan);
        Assert.True(expected.Length == actual.Count, $"expected {expected.Length} error(s), got {actual.Count}; {listing}");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(actual[i].StartsWith(expected[i], StringComparison.Ordinal), $"error {i + 1} should start with\n  {expected[i]}\n{listing}");
    }
}
