using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Testing;

/// <summary>A Python package index as devpi, Artifactory and Nexus serve it to pip: a folder laid out as a PEP 503 simple
/// repository (<c>/simple/&lt;normalized name&gt;/index.html</c>, one anchor per distribution file), served by Python's
/// own static server (<c>python3 -m http.server</c>, which sends Last-Modified and answers If-Modified-Since with 304)
/// on a free loopback port.</summary>
/// <remarks>Killed and its folder deleted on dispose and, failing that, when the process exits; a server left by a test
/// host that was killed outright is killed by the next run that starts one.</remarks>
public sealed partial class SimpleIndexServer : IAsyncDisposable, IDisposable
{
    public const string Host = "127.0.0.1";

    private const string FolderPrefix = "jaga-pyindex-";
    private const string OwnerFile = "owner.pid";
    private const string PidsFile = "server.pid";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? process;
    private string? folder;

    private SimpleIndexServer()
    {
    }

    public int Port { get; private set; }

    /// <summary>The index, <c>http://127.0.0.1:port/simple/</c>.</summary>
    public string IndexUrl => $"http://{Host}:{Port}/simple/";

    /// <summary>The folder served.</summary>
    public string Root => Path.Combine(folder ?? throw new ObjectDisposedException(nameof(SimpleIndexServer)), "www");

    public string LogFile => Path.Combine(folder ?? throw new ObjectDisposedException(nameof(SimpleIndexServer)), "http.log");

    public static async Task<SimpleIndexServer> StartAsync()
    {
        var server = new SimpleIndexServer();
        try
        {
            await server.SetUpAndLaunchAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Writes a project's page: one anchor per file, as PyPI's own simple pages are written (a sha256
    /// fragment, <c>data-yanked</c> with its reason on yanked files).</summary>
    public async Task AddProjectAsync(string name, params (string File, string? YankedBecause)[] files)
    {
        var page = new StringBuilder($"<!DOCTYPE html>\n<html>\n  <head><meta name=\"pypi:repository-version\" content=\"1.0\"><title>Links for {name}</title></head>\n  <body>\n    <h1>Links for {name}</h1>\n");
        foreach (var (file, yanked) in files)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(file)));
            var yank = yanked is null ? "" : $" data-yanked=\"{WebUtility.HtmlEncode(yanked)}\"";
            page.Append(CultureInfo.InvariantCulture, $"    <a href=\"../../packages/{Uri.EscapeDataString(file)}#sha256={hash}\"{yank}>{WebUtility.HtmlEncode(file)}</a><br />\n");
        }
        page.Append("  </body>\n</html>\n");
        var dir = Directory.CreateDirectory(Path.Combine(Root, "simple", Normalized(name))).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "index.html"), page.ToString());
    }

    /// <summary>The status codes the server answered GETs of <paramref name="path"/> with, in order (from its log).</summary>
    public IReadOnlyList<int> Answers(string path) =>
        [.. ChildProcess.ReadLog(LogFile).Split('\n')
            .Select(l => RequestLine().Match(l))
            .Where(m => m.Success && m.Groups["path"].Value == path)
            .Select(m => int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture))];

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Kill();
            if (folder is not null) FixtureFolders.TryDelete(folder);
            folder = null;
        }
        http.Dispose();
    }

    private static string Normalized(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    private async Task SetUpAndLaunchAsync()
    {
        SwiftSweep.KillAbandoned(FolderPrefix, OwnerFile, PidsFile);
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Directory.CreateDirectory(Path.Combine(Root, "simple"));
        for (var attempt = 1; ; attempt++)
        {
            Port = Loopback.FreePort();
            Launch();
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ChildProcess.ReadLog(LogFile).Contains("Address already in use", StringComparison.Ordinal))
            {
                Kill();
            }
        }
    }

    private void Launch()
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = folder! };
        var command = $"exec python3 -u -m http.server --bind {Host} --directory '{Root}' {Port} >>'{LogFile}' 2>&1";
        foreach (var a in (string[])["-c", command]) info.ArgumentList.Add(a);
        lock (gate)
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("could not start python3 -m http.server");
            File.WriteAllText(Path.Combine(folder!, PidsFile), process.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"python3 -m http.server exited at start (exit code {process.ExitCode}; is python3 installed?):\n{ChildProcess.ReadLog(LogFile)}");
            try
            {
                using var response = await http.GetAsync(IndexUrl);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"python3 -m http.server did not answer within {ReadyTimeout.TotalSeconds:0} s:\n{ChildProcess.ReadLog(LogFile)}");
    }

    private void Kill()
    {
        lock (gate)
        {
            if (process is null) return;
            ChildProcess.KillTree(process);
            process = null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    /// <summary>http.server's log line: <c>127.0.0.1 - - [date] "GET /simple/x/ HTTP/1.1" 304 -</c>.</summary>
    [GeneratedRegex("\"GET (?<path>\\S+) HTTP/[0-9.]+\" (?<status>[0-9]{3})")]
    private static partial Regex RequestLine();
}
