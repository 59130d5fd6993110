using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>The history scan: every commit's added lines, read from <c>git log -p --all</c> as git writes them (never the
/// whole history in memory), each file's additions in one commit scanned as one text, as gitleaks does.</summary>
internal static class GitHistory
{
    private const string CommitMark = "\u001ecommit ";

    public static async Task<SecretsReport> ScanAsync(string root, SecretScanner scanner, SecretsScanOptions options, CancellationToken ct)
    {
        if (!Directory.Exists(root)) throw new UserException($"{root}: no such folder", "--history scans a git repository: give its folder");
        var inside = await Git.RunAsync(options.Git, root, ["rev-parse", "--is-inside-work-tree"], ct);
        if (inside is null) throw new UserException("--history needs git, which is not installed", "install git (apt-get install git)");
        if (inside.Code != 0) throw new UserException($"{root} is not in a git repository", "scan its working tree without --history, or give the repository's folder");
        using var git = Git.Start(options.Git, root,
            ["-c", "core.quotePath=false", "log", "-p", "--all", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", "--relative",
             "--format=" + CommitMark.Replace("\u001e", "%x1e", StringComparison.Ordinal) + "%H"])
            ?? throw new UserException("--history needs git, which is not installed", "install git (apt-get install git)");
        var error = git.StandardError.ReadToEndAsync(ct);
        var findings = new List<SecretFinding>();
        var skipped = new List<SkippedFile>();
        var state = new Fragment();
        long bytes = 0;
        int files = 0, commits = 0;
        string? commit = null;
        void Flush()
        {
            if (state.Path is null || commit is null || state.Text.Length == 0) return;
            if (state.TooLarge) skipped.Add(new SkippedFile($"{commit[..7]}:{state.Path}", SkipReason.TooLarge, "additions over " + TextFile.Size(options.MaxFileSize)));
            else
            {
                var lines = state.Lines.ToArray();
                findings.AddRange(scanner.Scan(state.Path, state.Text.ToString(), commit, n => n - 1 < lines.Length ? lines[n - 1] : n));
                bytes += state.Text.Length;
                files++;
            }
            state.Reset(null);
        }
        var header = false;
        try
        {
            while (await git.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith(CommitMark, StringComparison.Ordinal))
                {
                    Flush();
                    commit = line[CommitMark.Length..].Trim();
                    commits++;
                }
                else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
                {
                    Flush();
                    header = true;
                }
                else if (header && line.StartsWith("+++ ", StringComparison.Ordinal))
                {
                    // Only in a file's header: an added line whose text starts with "++ " reads "+++ …" in a hunk.
                    var target = GitPath(line[4..]);
                    state.Reset(target == "/dev/null" ? null : target.StartsWith("b/", StringComparison.Ordinal) ? target[2..] : target);
                    if (state.Path is not null && scanner.SkipsPath(state.Path)) state.Reset(null);
                }
                else if (line.StartsWith("@@ ", StringComparison.Ordinal))
                {
                    header = false;
                    state.NextLine = HunkStart(line);
                }
                else if (line.StartsWith('+') && state.Path is not null)
                {
                    state.Add(line.AsSpan(1), options.MaxFileSize);
                }
            }
            Flush();
            await git.WaitForExitAsync(ct);
        }
        finally
        {
            if (!git.HasExited) git.Kill(entireProcessTree: true);
        }
        // An empty repository (no commit yet) makes git log fail; it has no history to scan.
        if (git.ExitCode != 0 && commits > 0) throw new GitFailed($"git log in {root} failed: {(await error).Trim()}");
        return new SecretsReport(root, History: true, scanner.Rules.Source, SecretsScan.Sorted(findings), skipped, files, bytes, commits, GitIgnoreUsed: false);
    }

    /// <summary>A path as a diff header writes it: git ends a name holding a space with a tab, and quotes a name with
    /// special characters C-style (<c>"b/caf\303\251.txt"</c>, octal bytes of UTF-8).</summary>
    internal static string GitPath(string written)
    {
        var text = written.TrimEnd('\t');
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return text;
        var bytes = new List<byte>();
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length - 1)
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            var next = text[++i];
            if (next is >= '0' and <= '7' && i + 2 < text.Length - 1)
            {
                bytes.Add(Convert.ToByte(text.Substring(i, 3), 8));
                i += 2;
                continue;
            }
            bytes.Add((byte)(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => next }));
        }
        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The first line of the new side of a hunk: <c>@@ -a,b +c,d @@</c> gives c.</summary>
    private static int HunkStart(string line)
    {
        var plus = line.IndexOf(" +", StringComparison.Ordinal);
        if (plus < 0) return 1;
        var span = line.AsSpan(plus + 2);
        var end = span.IndexOfAny(',', ' ');
        return int.TryParse(end < 0 ? span : span[..end], out var n) ? n : 1;
    }

    /// <summary>One file's added lines in one commit, and the file line of each.</summary>
    private sealed class Fragment
    {
        public string? Path { get; private set; }

        public StringBuilder Text { get; } = new();

        public List<int> Lines { get; } = [];

        public int NextLine { get; set; } = 1;

        public bool TooLarge { get; private set; }

        public void Reset(string? path)
        {
            Path = path;
            Text.Clear();
            Lines.Clear();
            NextLine = 1;
            TooLarge = false;
        }

        public void Add(ReadOnlySpan<char> line, long max)
        {
            Lines.Add(NextLine++);
            if (TooLarge) return;
            if (Text.Length + line.Length + 1 > max)
            {
                TooLarge = true;
                Text.Clear();
                Text.Append('x');
                return;
            }
            Text.Append(line).Append('\n');
        }
    }
}
