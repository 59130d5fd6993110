using System.Collections.Concurrent;
using Jaga.Core.Errors;
using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>The secrets scan (<c>jaga secrets scan</c>, and the readiness checklist's points 1 and 5): the working tree
/// by default, respecting <c>.gitignore</c> in a git working tree, or every commit's added lines with
/// <see cref="SecretsScanOptions.History"/>.</summary>
public static class SecretsScan
{
    /// <summary>Scans <paramref name="root"/> (a folder or one file).</summary>
    /// <exception cref="UserException">The path does not exist, or <c>--history</c> was asked of a folder outside git.</exception>
    public static async Task<SecretsReport> RunAsync(string root, SecretsScanOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var full = Path.GetFullPath(root);
        var scanner = new SecretScanner(options.Rules, options.Allow);
        if (options.History) return await GitHistory.ScanAsync(full, scanner, options, ct);
        if (File.Exists(full)) return await ScanFilesAsync(Path.GetDirectoryName(full)!, full, [Path.GetFileName(full)], gitIgnoreUsed: false, scanner, options, ct);
        if (!Directory.Exists(full)) throw new UserException($"{root}: no such file or folder", "give the folder to scan (the project's root by default)");
        var tracked = await GitFiles.ListAsync(full, options.Git, ct);
        var files = tracked ?? TreeWalk.Files(full, scanner);
        return await ScanFilesAsync(full, full, files, tracked is not null, scanner, options, ct);
    }

    private static async Task<SecretsReport> ScanFilesAsync(string folder, string shown, IEnumerable<string> files, bool gitIgnoreUsed, SecretScanner scanner,
        SecretsScanOptions options, CancellationToken ct)
    {
        var findings = new ConcurrentBag<SecretFinding>();
        var skipped = new ConcurrentBag<SkippedFile>();
        long bytes = 0;
        var count = 0;
        await Parallel.ForEachAsync(files.Where(f => !scanner.SkipsPath(f)), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct },
            async (relative, token) =>
            {
                var read = await TextFile.ReadAsync(Path.Combine(folder, relative), options.MaxFileSize, token);
                if (read.Skip is { } why)
                {
                    skipped.Add(new SkippedFile(relative, why, read.Detail));
                    return;
                }
                Interlocked.Add(ref bytes, read.Bytes);
                Interlocked.Increment(ref count);
                foreach (var f in scanner.Scan(relative, read.Text!)) findings.Add(f);
            });
        return new SecretsReport(shown, History: false, scanner.Rules.Source, Sorted(findings), [.. skipped.OrderBy(s => s.Path, StringComparer.Ordinal)],
            count, bytes, 0, gitIgnoreUsed);
    }

    internal static IReadOnlyList<SecretFinding> Sorted(IEnumerable<SecretFinding> findings) =>
        [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Commit, StringComparer.Ordinal)];
}
