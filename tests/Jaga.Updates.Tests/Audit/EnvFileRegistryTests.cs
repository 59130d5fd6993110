using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Audit;

/// <summary>Registry settings kept in the plan's <c>env_files</c> (a PIP_INDEX_URL with its password in .env, as a team
/// keeps an NPM_TOKEN) reach the registries the way they reach the rest of the plan, and stay secret: the index is asked
/// with them, and no output, log line or cache file holds the password.</summary>
[Trait("Category", "Integration")]
public sealed class EnvFileRegistryTests : IDisposable
{
    private const string Password = "s3cret-from-the-env-file";

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-deps-envfile-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_PIP_INDEX_URL_in_the_plans_env_file_names_the_index_and_its_password_is_shown_nowhere()
    {
        await using var pypi = await SimpleIndexServer.StartAsync();
        await pypi.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0.tar.gz", null));
        var plan = Write("jaga.yaml", "version: 1\nproject: toko\nenv_files: [.env]\nlog: { file: logs/maintenance.log }\nupdate:\n  root: app\n");
        Write(".env", $"PIP_INDEX_URL={pypi.IndexUrl.Replace("http://", $"http://reader:{Password}@", StringComparison.Ordinal)}\n");
        Write("app/requirements.txt", "requests==2.25.0\n");
        var env = new Dictionary<string, string> { ["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName, ["PIP_CONFIG_FILE"] = "/dev/null" };

        using var jaga = new RunningJaga(plan, dir, ["deps", "audit", "--format", "json", "--lang", "en"], env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(3));

        // No advisory data was imported: the audit fails for that, but the registry answered.
        Assert.True(jaga.ExitCode == 1, jaga.Output);
        var report = JsonNode.Parse(jaga.Output[jaga.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        var requests = report["dependencies"]!.AsArray().Single()!;
        Assert.Equal(("2.25.0", "2.31.0", null), ((string?)requests["current"], (string?)requests["latest"], (string?)requests["problem"]));
        Assert.Equal(pypi.IndexUrl, (string?)report["registries"]!["PyPI"]![0]);
        Assert.Contains(200, pypi.Answers("/simple/requests/"));
        // The state store and the registry cache byte by byte (Latin-1 keeps every byte one character), and their names.
        var everything = jaga.Output + File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"))
            + string.Join("\n", Directory.GetFiles(Path.Combine(dir, ".jaga"), "*", SearchOption.AllDirectories)
                .Select(f => f + "\n" + System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
    }
}
