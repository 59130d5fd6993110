using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

/// <summary>Applying NuGet updates to a real .NET project restored from a local folder feed made by <c>dotnet pack</c>: the
/// manifest is edited, packages.lock.json refreshed by <c>dotnet restore --force-evaluate</c>, and the plan's test
/// (<c>dotnet run</c> of the consumer, exit 0 or 1) decides.</summary>
[Trait("Category", "Integration")]
public sealed class DotnetProjectApplyTests(AcmeFeed feed) : IClassFixture<AcmeFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_patch_whose_tests_pass_is_applied_with_its_lock_file_refreshed()
    {
        await using var w = await ConsumerAsync();
        var stages = new List<UpdateProgress>();

        var outcome = Assert.Single(await w.Applier(feed.Env).ApplyAsync(w.Root, [new UpdateGroup("patch", [Calc(w, "1.0.1")])], "dotnet run", Timeout,
            new ProgressLog(stages)));

        Assert.True(outcome.Result == UpdateResult.Applied, outcome.Reason + "\n" + outcome.Tail);
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Contains("<!-- the calculator the test checks -->", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Equal(["1.0.1", "1.0.0"], Resolved(w));
        Assert.Equal(["[INFO] Update dependency: Acme.Calc==1.0.1"], w.Lines());
        Assert.Equal("refreshing the lock file: dotnet restore --force-evaluate App.csproj in .",
            stages.Single(s => s.Stage == UpdateStage.LockRefresh).Describe(w.Journal.Messages));
    }

    [Fact]
    public async Task A_major_update_that_breaks_the_tests_is_rolled_back_and_every_file_is_identical()
    {
        await using var w = await ConsumerAsync();
        var before = w.Tree();

        var outcome = Assert.Single(await w.Applier(feed.Env).ApplyAsync(w.Root, [new UpdateGroup("major", [Calc(w, "2.0.0")])], "dotnet run", Timeout));

        Assert.True(outcome.Result == UpdateResult.RolledBack, outcome.Reason + "\n" + outcome.Tail);
        Assert.EndsWith("FAIL: Add(2, 3) returned 6, expected 5", outcome.Tail, StringComparison.Ordinal);
        Assert.Equal(before, w.Tree());
        Assert.Contains("App.csproj", before.Keys);
        Assert.Contains("packages.lock.json", before.Keys);
        var line = Assert.Single(w.Lines());
        Assert.StartsWith("[WARN] Update rolled back: Acme.Calc==2.0.0: the tests failed (exit code 1, accepted: 0): ", line, StringComparison.Ordinal);
        Assert.EndsWith("FAIL: Add(2, 3) returned 6, expected 5", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_with_a_breaking_update_the_other_update_is_still_applied()
    {
        await using var w = await ConsumerAsync();
        var text = w.Update(Ecosystem.NuGet, "App.csproj", "Acme.Text", "Include=\"Acme.Text\"", "1.0.0", "1.0.1");

        var outcomes = await w.Applier(feed.Env).ApplyAsync(w.Root, [new UpdateGroup("security", [Calc(w, "2.0.0"), text])], "dotnet run", Timeout);

        Assert.Equal([UpdateResult.RolledBack, UpdateResult.Applied], outcomes.Select(o => o.Result));
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.0\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Acme.Text\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Equal(["1.0.0", "1.0.1"], Resolved(w));
        var lines = w.Lines();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[WARN] Update rolled back: Acme.Calc==2.0.0, Acme.Text==1.0.1: the tests failed", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[WARN] Update rolled back: Acme.Calc==2.0.0: the tests failed", lines[1], StringComparison.Ordinal);
        Assert.Equal("[INFO] Update dependency: Acme.Text==1.0.1", lines[2]);
    }

    private async Task<UpdateWorkspace> ConsumerAsync()
    {
        var w = await UpdateWorkspace.CreateAsync();
        await feed.ConsumerAsync(w);
        return w;
    }

    private static PlannedUpdate Calc(UpdateWorkspace w, string to) =>
        w.Update(Ecosystem.NuGet, "App.csproj", "Acme.Calc", "Include=\"Acme.Calc\"", "1.0.0", to, to.StartsWith('2') ? UpdateKind.Major : UpdateKind.Patch);

    /// <summary>The versions packages.lock.json resolved, Acme.Calc's then Acme.Text's.</summary>
    private static string[] Resolved(UpdateWorkspace w)
    {
        using var json = System.Text.Json.JsonDocument.Parse(w.Read("packages.lock.json"));
        var net = json.RootElement.GetProperty("dependencies").GetProperty("net10.0");
        return [net.GetProperty("Acme.Calc").GetProperty("resolved").GetString()!, net.GetProperty("Acme.Text").GetProperty("resolved").GetString()!];
    }
}
