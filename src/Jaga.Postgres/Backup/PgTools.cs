using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Ports;

namespace Jaga.Postgres.Backup;

/// <summary>Finds the PostgreSQL client programs (<c>pg_dump</c>, <c>pg_restore</c>, <c>psql</c>) that can work with a
/// server: of the server's major version or newer, since an older pg_dump refuses a newer server.</summary>
/// <remarks>Debian installs one folder per major version under <c>/usr/lib/postgresql</c>, and puts only a wrapper on
/// PATH; both are searched, and each candidate is asked its version.</remarks>
public sealed partial class PgTools
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(20);

    private readonly IReadOnlyList<string> directories;
    // One search per program for the life of this object; each search asks every candidate its version once.
    private readonly Dictionary<string, Task<IReadOnlyList<PgTool>>> found = [];
    // The first program of a given major version, found by a search that stops there.
    private readonly Dictionary<(string Program, int Major), Task<PgTool?>> exact = [];
    // Each program's answer to --version, by path, for FirstOfVersionAsync and Prefetch.
    private readonly Dictionary<string, Task<PgTool?>> versions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Searches <paramref name="directories"/>, in that order when two have the same version.</summary>
    public PgTools(IEnumerable<string> directories) => this.directories = [.. directories];

    /// <summary>Searches <c>/usr/lib/postgresql/*/bin</c>, then PATH.</summary>
    public static PgTools Default { get; } = new(DefaultDirectories());

    /// <summary>The folders searched by <see cref="Default"/>. The versioned folders come first because they hold the
    /// programs themselves, where PATH may only hold Debian's wrapper, which picks a version by its own rules.</summary>
    public static IEnumerable<string> DefaultDirectories()
    {
        const string root = "/usr/lib/postgresql";
        var versioned = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: System.IO.Path.Combine(d, "bin"), Version: int.TryParse(System.IO.Path.GetFileName(d), out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return versioned.Concat(path);
    }

    /// <summary>The <paramref name="program"/> to use with a server of major version <paramref name="serverMajor"/>;
    /// throws <see cref="BackupSourceException"/> naming the version to install when there is none.</summary>
    public async Task<PgTool> FindAsync(string program, int serverMajor, CancellationToken ct = default)
    {
        // Choose takes the first candidate of the server's own major version, so the search may stop there: the
        // folders after it (PATH, where Debian's pg_wrapper is a Perl script that takes 0.1–0.2 s to answer) are then
        // never asked. That was a third of a backup's fixed cost (docs/benchmarks.md, Step 11).
        Task<PgTool?>? first;
        lock (gate)
        {
            if (!exact.TryGetValue((program, serverMajor), out first) || first.IsFaulted)
                exact[(program, serverMajor)] = first = FirstOfVersionAsync(program, serverMajor);
        }
        if (await first.WaitAsync(ct) is { } own) return own;
        lock (gate) exact.Remove((program, serverMajor));
        var candidates = await CandidatesAsync(program, ct);
        if (!candidates.Any(c => c.Major >= serverMajor))
        {
            // Someone may have installed the right version since the last search: a long-running host looks again.
            lock (gate) found.Remove(program);
            candidates = await CandidatesAsync(program, ct);
        }
        return Choose(program, candidates, serverMajor);
    }

    /// <summary>Every <paramref name="program"/> found, with its version, in search order.</summary>
    public Task<IReadOnlyList<PgTool>> CandidatesAsync(string program, CancellationToken ct = default)
    {
        Task<IReadOnlyList<PgTool>>? search;
        lock (gate)
        {
            if (!found.TryGetValue(program, out search) || search.IsFaulted) found[program] = search = SearchAsync(program);
        }
        return search.WaitAsync(ct);
    }

    /// <summary>Starts asking the first <paramref name="program"/> of the search its version, before the server's version
    /// is known: <see cref="FindAsync"/> asks it first in any case, so the answer is never wasted, and a backup has it
    /// by the time its connection is open instead of waiting for it afterwards.</summary>
    public void Prefetch(string program)
    {
        if (Paths(program).FirstOrDefault() is { } first) _ = VersionAsync(program, first);
    }

    private async Task<PgTool?> FirstOfVersionAsync(string program, int major)
    {
        foreach (var path in Paths(program))
        {
            if (await VersionAsync(program, path) is { } tool && tool.Major == major) return tool;
        }
        return null;
    }

    /// <summary>The existing <paramref name="program"/> files, in search order, each once.</summary>
    private IEnumerable<string> Paths(string program) =>
        directories.Select(dir => System.IO.Path.Combine(dir, program)).Distinct(StringComparer.Ordinal).Where(File.Exists);

    /// <summary>One program's version, asked once per path for the life of this object, as <see cref="FirstOfVersionAsync"/>'s
    /// result is kept.</summary>
    private Task<PgTool?> VersionAsync(string program, string path)
    {
        lock (gate)
        {
            if (!versions.TryGetValue(path, out var asked) || asked.IsFaulted) versions[path] = asked = VersionOfAsync(program, path);
            return asked;
        }
    }

    private async Task<IReadOnlyList<PgTool>> SearchAsync(string program)
    {
        var tools = new List<PgTool>();
        foreach (var dir in directories.Distinct(StringComparer.Ordinal))
        {
            var path = System.IO.Path.Combine(dir, program);
            if (!File.Exists(path) || tools.Any(t => t.Path == path)) continue;
            if (await VersionOfAsync(program, path) is { } tool) tools.Add(tool);
        }
        return tools;
    }

    /// <summary>The pure choice: the first candidate of the server's own major version, else the newest that is newer;
    /// an older one never, since it cannot read what a newer server holds.</summary>
    public static PgTool Choose(string program, IReadOnlyList<PgTool> candidates, int serverMajor)
    {
        var same = candidates.FirstOrDefault(c => c.Major == serverMajor);
        if (same is not null) return same;
        var newer = candidates.Where(c => c.Major > serverMajor).OrderByDescending(c => c.Major).FirstOrDefault();
        if (newer is not null) return newer;
        var seen = candidates.Count == 0
            ? ""
            : $" (found only {string.Join(", ", candidates.Select(c => $"{c.Version} at {c.Path}"))})";
        throw new BackupSourceException(
            $"no {program} of version {serverMajor} or newer found in PATH or /usr/lib/postgresql/*/bin{seen}; " +
            $"install postgresql-client-{serverMajor}");
    }

    /// <summary>Reads <c>pg_dump (PostgreSQL) 15.8 (Debian 15.8-1)</c> as version 15.8, major 15;
    /// null when the text is not a PostgreSQL tool's version line.</summary>
    public static (string Version, int Major)? ParseVersion(string text)
    {
        var m = VersionLine().Match(text);
        if (!m.Success) return null;
        return (m.Groups["version"].Value, int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture));
    }

    private static async Task<PgTool?> VersionOfAsync(string program, string path)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--version");
        try
        {
            using var p = Process.Start(info);
            if (p is null) return null;
            using var timeout = new CancellationTokenSource(VersionTimeout);
            var stdout = p.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = p.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await p.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                p.Kill(entireProcessTree: true);
                return null;
            }
            var text = await stdout;
            await stderr;
            return p.ExitCode == 0 && ParseVersion(text) is { } v ? new PgTool(program, path, v.Version, v.Major) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            // Not executable, or not a program at all: not a candidate.
            return null;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(?<version>(?<major>\d+)(?:\.\d+)*)")]
    private static partial Regex VersionLine();
}
