using System.Globalization;

namespace Jaga.Testing;

/// <summary>npm packages the fixtures run (Verdaccio), installed once with the real <c>npm</c> into a folder of the user's
/// cache (<c>$XDG_CACHE_HOME/jaga-tests</c> or <c>~/.cache/jaga-tests</c>) that later runs reuse.</summary>
public static class NpmTool
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The folder where <paramref name="spec"/> (<c>verdaccio@6</c>) is installed, installing it first when no
    /// earlier run has. Runs in parallel wait for each other on a lock file; the install goes to a temp folder renamed
    /// into place, so a killed install leaves nothing half-made behind.</summary>
    public static async Task<string> InstalledAsync(string spec)
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "jaga-tests");
        var folder = Path.Combine(root, spec.Replace('@', '-').Replace('/', '-'));
        if (Directory.Exists(folder)) return folder;
        Require("npm");
        Directory.CreateDirectory(root);
        await using var gate = await LockAsync(Path.Combine(root, spec.Replace('/', '-') + ".lock"));
        if (Directory.Exists(folder)) return folder;
        var temp = $"{folder}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp";
        FixtureFolders.TryDelete(temp);
        Directory.CreateDirectory(temp);
        await File.WriteAllTextAsync(Path.Combine(temp, "package.json"), """{ "name": "jaga-test-tools", "private": true }""");
        var result = await ChildProcess.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", spec], InstallTimeout, temp);
        if (result.ExitCode != 0)
        {
            FixtureFolders.TryDelete(temp);
            throw new InvalidOperationException($"npm install {spec} failed (exit {result.ExitCode}):\n{result.Output}");
        }
        Directory.Move(temp, folder);
        return folder;
    }

    /// <summary>Fails with what to install when a program the npm fixtures need is missing.</summary>
    public static void Require(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (!path.Any(d => File.Exists(Path.Combine(d, program))))
            throw new InvalidOperationException($"These tests run a real npm registry and need '{program}' on PATH: apt-get install nodejs npm (scripts/test.sh does).");
    }

    private static async Task<FileStream> LockAsync(string file)
    {
        for (var waited = 0; ; waited++)
        {
            try
            {
                return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < 600)
            {
                await Task.Delay(1000);
            }
        }
    }
}
