namespace Jaga.Core.Tests.Charts;

/// <summary>A chart's SVG compared with the one kept in <c>Charts/Snapshots</c>; with <c>JAGA_UPDATE_SNAPSHOTS=1</c> the kept
/// one is rewritten instead (look at the diff before committing it).</summary>
internal static class Snapshot
{
    public static void Match(string name, string svg)
    {
        var path = RepoRoot.Combine("tests", "Jaga.Core.Tests", "Charts", "Snapshots", name + ".svg");
        if (Environment.GetEnvironmentVariable("JAGA_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, svg);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}: run with JAGA_UPDATE_SNAPSHOTS=1 and look at it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), svg);
    }
}
