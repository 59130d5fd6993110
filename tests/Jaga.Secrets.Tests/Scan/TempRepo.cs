using Jaga.Testing;

namespace Jaga.Secrets.Tests.Scan;

/// <summary>A temporary folder, made a real git repository with the <c>git</c> CLI when asked; removed on dispose.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo(bool git = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "jaga-secrets-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        if (git) Git("init", "-q", "-b", "main");
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args)
    {
        var r = ChildProcess.RunAsync("git", ["-C", Root, .. args], TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        if (r.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {r.Output}");
        return r.Output;
    }

    public void Dispose() => FixtureFolders.TryDelete(Root);
}
