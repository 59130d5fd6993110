using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Jaga.Engine.Readiness;

/// <summary>What the readiness checklist asks git, through the <c>git</c> command line (the tool the project itself uses, so
/// its ignore rules, attributes and configuration all apply): what is tracked, what is ignored, when a file last changed.</summary>
public sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The repository's top folder.</summary>
    public string Root { get; }

    /// <summary>The repository holding <paramref name="folder"/>, or null when it is in none (or git is not installed).</summary>
    public static async Task<GitRepository?> FindAsync(string folder, CancellationToken ct)
    {
        var (code, output) = await RunAsync(folder, ct, "rev-parse", "--show-toplevel");
        return code == 0 && output.Trim().Length > 0 ? new GitRepository(output.Trim()) : null;
    }

    /// <summary>Every tracked file, relative to the root with '/' separators.</summary>
    public async Task<IReadOnlyList<string>> TrackedAsync(CancellationToken ct)
    {
        var (_, output) = await Checked(ct, "ls-files", "-z");
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Every file git tracks or would add (untracked and not ignored), relative to the root with '/' separators.</summary>
    public async Task<IReadOnlyList<string>> FilesAsync(CancellationToken ct)
    {
        var (_, output) = await Checked(ct, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether git ignores <paramref name="path"/> (relative to the root), whether or not it exists.</summary>
    public async Task<bool> IsIgnoredAsync(string path, CancellationToken ct)
    {
        var (code, _) = await RunAsync(Root, ct, "check-ignore", "-q", "--no-index", "--", path);
        return code == 0;
    }

    /// <summary>When <paramref name="path"/> last changed: now-ish (its write time) when it has changes not committed, else its
    /// last commit's time; null when git knows nothing of it.</summary>
    public async Task<DateTimeOffset?> LastChangeAsync(string path, CancellationToken ct)
    {
        var (_, status) = await Checked(ct, "status", "--porcelain", "--", path);
        if (status.Trim().Length > 0) return File.GetLastWriteTimeUtc(Path.Combine(Root, path));
        var (_, time) = await Checked(ct, "log", "-1", "--format=%ct", "--", path);
        return long.TryParse(time.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    private async Task<(int Code, string Output)> Checked(CancellationToken ct, params string[] args)
    {
        var (code, output) = await RunAsync(Root, ct, args);
        return code == 0 ? (code, output) : throw new InvalidOperationException($"git {string.Join(' ', args)} in {Root} exited {code}: {output.Trim()}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string folder, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // Never a pager or a prompt: the checklist runs unattended.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, "git is not installed");
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var text = await output;
            return (process.ExitCode, process.ExitCode == 0 ? text : text + await errors);
        }
    }
}
