using Jaga.Testing;

namespace Jaga.Updates.Tests.Audit;

/// <summary>The registry cache as <c>jaga deps audit</c> uses it, in a child process against a real PEP 503 index: a
/// second audit within the freshness window asks nothing, and <c>--refresh</c> revalidates at once.</summary>
[Trait("Category", "Integration")]
public sealed class DepsAuditCacheTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-deps-cache-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    [Fact]
    public async Task A_second_audit_within_the_window_asks_the_index_nothing_and_refresh_revalidates_with_a_304()
    {
        await using var pypi = await SimpleIndexServer.StartAsync();
        await pypi.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0.tar.gz", null));
        var plan = Path.Combine(dir, "jaga.yaml");
        await File.WriteAllTextAsync(plan, "version: 1\nproject: toko\nlog: { file: logs/maintenance.log }\nupdate:\n  root: app\n");
        Directory.CreateDirectory(Path.Combine(dir, "app"));
        await File.WriteAllTextAsync(Path.Combine(dir, "app", "requirements.txt"), "requests==2.25.0\n");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName,
            ["PIP_INDEX_URL"] = pypi.IndexUrl,
            ["PIP_CONFIG_FILE"] = "/dev/null",
        };

        var first = await Audit(plan, env);
        var second = await Audit(plan, env);
        Assert.Equal([200], pypi.Answers("/simple/requests/"));

        var refreshed = await Audit(plan, env, "--refresh");
        Assert.Equal([200, 304], pypi.Answers("/simple/requests/"));
        // The same answer each time: the latest version from the index, read from the cache the second and third time.
        foreach (var output in (string[])[first, second, refreshed])
            Assert.Contains("\"latest\": \"2.31.0\"", output, StringComparison.Ordinal);
    }

    private static async Task<string> Audit(string plan, IReadOnlyDictionary<string, string> env, params string[] more)
    {
        using var jaga = new RunningJaga(plan, Path.GetDirectoryName(plan)!, ["deps", "audit", "--format", "json", .. more], env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return jaga.Output;
    }
}
