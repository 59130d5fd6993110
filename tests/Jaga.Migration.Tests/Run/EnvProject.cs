using System.Diagnostics;
using Jaga.Testing;

namespace Jaga.Migration.Tests.Run;

/// <summary>A temporary project folder with a plan that needs <c>${DATABASE_URL}</c> from <c>.env.production</c>, and the
/// real <c>jaga</c> binary run in it.</summary>
internal sealed class EnvProject : IDisposable
{
    public const string Plan = """
        version: 1
        project: toko
        timezone: Asia/Jakarta
        log: { file: logs/maintenance.log }
        env_files: [.env.production]
        migration:
          from: sqlite:data/app.db
          to: "${DATABASE_URL}"
          env_file: .env.production
        """;

    public EnvProject(string plan = Plan, string env = "# production\nS3_KEY=abc   # the bucket's key\n")
    {
        Directory.CreateDirectory(Path.Combine(Dir, "data"));
        File.WriteAllText(Path.Combine(Dir, "jaga.yaml"), plan);
        File.WriteAllText(EnvPath, env);
    }

    public string Dir { get; } = Directory.CreateTempSubdirectory("jaga-env-").FullName;

    public string EnvPath => Path.Combine(Dir, ".env.production");

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    /// <summary>Every byte Jaga keeps in the folder (log, state store and its journal files), as text.</summary>
    public string Kept => string.Concat(Directory.GetFiles(Dir, "*", SearchOption.AllDirectories)
        .Where(f => !f.StartsWith(EnvPath, StringComparison.Ordinal))
        .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    /// <summary><c>jaga ARGS</c> in the folder, to its end.</summary>
    public Task<ChildProcess.Result> JagaAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, .. args], TimeSpan.FromMinutes(2), Dir);

    /// <summary><c>jaga ARGS</c> with <paramref name="input"/> on its standard input.</summary>
    public async Task<(int ExitCode, string Output)> JagaWithInputAsync(string input, params string[] args)
    {
        using var p = ChildProcess.Start("dotnet", [RunningJaga.JagaDll, .. args], redirectInput: true, workingDirectory: Dir);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            await p.StandardInput.WriteAsync(input);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // jaga stopped reading once the value was too large: what it said is below.
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => FixtureFolders.TryDelete(Dir);

    public static Stopwatch Clock() => Stopwatch.StartNew();
}
