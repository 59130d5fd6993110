using System.ComponentModel;
using System.Diagnostics;

namespace Jaga.Engine.Secrets;

/// <summary>The files git would show under a folder of a working tree: tracked ones and untracked ones its ignore rules
/// do not hide (<c>git ls-files -co --exclude-standard</c>), so a scan reads what could be committed, not build output.</summary>
internal static class GitFiles
{
    /// <summary>The files under <paramref name="folder"/>, relative to it; null when it is not in a git working tree
    /// (or git is not installed).</summary>
    public static async Task<IReadOnlyList<string>?> ListAsync(string folder, string git, CancellationToken ct)
    {
        var inside = await Git.RunAsync(git, folder, ["rev-parse", "--is-inside-work-tree"], ct);
        if (inside is not { Code: 0 } || inside.Output.Trim() != "true") return null;
        var listed = await Git.RunAsync(git, folder, ["-c", "core.quotePath=false", "ls-files", "-z", "-co", "--exclude-standard"], ct)
            ?? throw new InvalidOperationException("git ran a moment ago and now cannot start");
        if (listed.Code != 0) throw new GitFailed($"git ls-files in {folder} failed: {listed.Error.Trim()}");
        // ls-files lists a deleted but still tracked file too: only what is on disk is read.
        return [.. listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Where(f => File.Exists(Path.Combine(folder, f)))];
    }
}

/// <summary>git itself failed where it should not have: a corrupt repository, a permission the user must fix.</summary>
public sealed class GitFailed(string message) : Core.Errors.UserException(message, "run the same git command by hand to see why");

/// <summary>Runs git to the end, for short answers (a whole history is streamed by <see cref="GitHistory"/> instead).</summary>
internal static class Git
{
    public sealed record Result(int Code, string Output, string Error);

    /// <summary>The result, or null when git cannot be started at all.</summary>
    public static async Task<Result?> RunAsync(string git, string folder, IReadOnlyList<string> args, CancellationToken ct)
    {
        using var process = Start(git, folder, args);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, await output, await error);
    }

    public static Process? Start(string git, string folder, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(git)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        // Never ask for a password or open a pager; the user's own git settings stay (safe.directory, core.* ).
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_PAGER"] = "cat";
        try
        {
            var p = Process.Start(info);
            p?.StandardInput.Close();
            return p;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
