using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Jaga.Testing;

/// <summary>A real Prometheus (the Debian package's <c>/usr/bin/prometheus</c>) on loopback that scrapes one target
/// every second, for tests that a <c>/metrics</c> endpoint is read by the real thing and not only by our own parser.
/// Its config, data and log live in a temp folder; <see cref="QueryAsync"/> and <see cref="TargetAsync"/> ask its
/// HTTP API. Start one per test with <see cref="StartAsync"/> and dispose it.</summary>
/// <remarks>The server is killed (with any children) and its folder deleted on dispose and, failing that, when the
/// process exits; a server left by a test host that was killed outright is killed by the next run that starts one.</remarks>
public sealed class PrometheusServer : IAsyncDisposable, IDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    public const string JobName = "jaga";
    public const string Host = "127.0.0.1";

    private const string FolderPrefix = "jaga-prom-";
    private const string OwnerFile = "owner.pid";
    private const string PidsFile = "server.pid";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? process;
    private string? folder;

    private PrometheusServer(string target, string metricsPath)
    {
        Target = target;
        MetricsPath = metricsPath;
    }

    /// <summary>The scraped <c>host:port</c>.</summary>
    public string Target { get; }

    /// <summary>The scraped path, <c>/metrics</c> unless told otherwise.</summary>
    public string MetricsPath { get; }

    public int Port { get; private set; }

    /// <summary>The web UI and API, <c>http://127.0.0.1:port</c>.</summary>
    public string Url => $"http://{Host}:{Port}";

    public string LogFile => Path.Combine(folder ?? throw new ObjectDisposedException(nameof(PrometheusServer)), "prometheus.log");

    /// <summary>Starts a server that scrapes <c>http://<paramref name="target"/><paramref name="metricsPath"/></c>
    /// every second and returns once it answers <c>/-/ready</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath = "/metrics")
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"Prometheus is not installed ({Binary}): apt-get install prometheus (scripts/test.sh does)");
        var server = new PrometheusServer(target, metricsPath);
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

    /// <summary>The value of the first sample of an instant query, or null when the result is empty.</summary>
    public async Task<double?> QueryAsync(string promql, CancellationToken ct = default) =>
        await QuerySamplesAsync(promql, ct) is [var first, ..] ? first.Value : null;

    /// <summary>All samples of an instant query (a scalar result is one sample without labels).</summary>
    /// <exception cref="InvalidOperationException">Prometheus refused the query; the message has its error.</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QuerySamplesAsync(string promql, CancellationToken ct = default)
    {
        using var doc = await GetApiAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}", ct);
        var data = doc.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        switch (data.GetProperty("resultType").GetString())
        {
            case "vector":
                return [.. result.EnumerateArray().Select(s => new PrometheusSample(
                    s.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                    ParseValue(s.GetProperty("value")[1].GetString()!)))];
            case "scalar":
                return [new PrometheusSample(new Dictionary<string, string>(), ParseValue(result[1].GetString()!))];
            case var other:
                throw new InvalidOperationException($"query {promql} gave a {other} result; use an instant vector or scalar query");
        }
    }

    /// <summary>Waits until the query has a sample and returns its value; on timeout the message says how the target fares.</summary>
    public async Task<double> WaitForValueAsync(string promql, TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await QueryAsync(promql, ct) is { } value) return value;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"query {promql} had no result within {timeout.TotalSeconds:0} s; target: {await DescribeTargetAsync(ct)}");
            await Task.Delay(200, ct);
        }
    }

    /// <summary>The health of the scrape target, or null before Prometheus has taken it up.</summary>
    public async Task<PrometheusTarget?> TargetAsync(CancellationToken ct = default)
    {
        using var doc = await GetApiAsync("/api/v1/targets?state=active", ct);
        foreach (var t in doc.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray())
        {
            return new PrometheusTarget(
                t.GetProperty("scrapeUrl").GetString() ?? "",
                t.GetProperty("health").GetString() ?? "",
                t.GetProperty("lastError").GetString() ?? "");
        }
        return null;
    }

    /// <summary>Waits until the target's health is no longer <c>unknown</c> (it has been scraped) and returns it.</summary>
    public async Task<PrometheusTarget> WaitForScrapeAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await TargetAsync(ct) is { Health: not "unknown" } target) return target;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Prometheus did not scrape {Target}{MetricsPath} within {timeout.TotalSeconds:0} s:\n{ReadLog()}");
            await Task.Delay(200, ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Kills the server and deletes its folder.</summary>
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

    private async Task SetUpAndLaunchAsync()
    {
        SwiftSweep.KillAbandoned(FolderPrefix, OwnerFile, PidsFile);
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        // Subscribed before the server starts, so no path out of here leaves it running.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, Config());
        // Another process can take the free port between our look and the server's bind: then try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = Loopback.FreePort();
            Launch(config);
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog().Contains("address already in use", StringComparison.Ordinal))
            {
                Kill();
            }
        }
    }

    /// <summary>The config: one job, scraped every second (timeout as long, since it may not exceed the interval).
    /// YAML single-quoted strings take everything literally but a doubled quote.</summary>
    private string Config() => string.Join('\n',
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        $"  - job_name: {JobName}",
        $"    metrics_path: '{MetricsPath.Replace("'", "''", StringComparison.Ordinal)}'",
        "    static_configs:",
        $"      - targets: ['{Target.Replace("'", "''", StringComparison.Ordinal)}']",
        "");

    /// <summary>Starts the server with its output appended to the log; <c>exec</c> keeps the shell's PID, so the PID
    /// we record (for the next run's sweep) is the server's.</summary>
    private void Launch(string config)
    {
        var args = string.Join(' ',
            $"--config.file='{config}'",
            $"--storage.tsdb.path='{Path.Combine(folder!, "data")}'",
            $"--web.listen-address={Host}:{Port}",
            "--log.level=info");
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = folder! };
        foreach (var a in (string[])["-c", $"exec {Binary} {args} >>'{LogFile}' 2>&1"])
            info.ArgumentList.Add(a);
        lock (gate)
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Binary}");
            File.WriteAllText(Path.Combine(folder!, PidsFile), process.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"Prometheus exited at start (exit code {process.ExitCode}):\n{ReadLog()}");
            try
            {
                using var response = await http.GetAsync($"{Url}/-/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow: ask again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Prometheus did not become ready within {ReadyTimeout.TotalSeconds:0} s:\n{ReadLog()}");
    }

    private async Task<JsonDocument> GetApiAsync(string pathAndQuery, CancellationToken ct)
    {
        using var response = await http.GetAsync(Url + pathAndQuery, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        // The API answers errors (a bad query: 400, 422) in JSON too, with the reason in "error".
        var doc = JsonDocument.Parse(body);
        if (doc.RootElement.TryGetProperty("status", out var status) && status.GetString() == "success") return doc;
        doc.Dispose();
        throw new InvalidOperationException($"Prometheus answered {(int)response.StatusCode} to {pathAndQuery}: {body}");
    }

    private async Task<string> DescribeTargetAsync(CancellationToken ct)
    {
        var target = await TargetAsync(ct);
        return target is null ? "not taken up yet" : $"{target.ScrapeUrl} is {target.Health}{(target.LastError.Length > 0 ? $" ({target.LastError})" : "")}";
    }

    /// <summary>Prometheus writes sample values as Go does: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>, which .NET does not read.</summary>
    private static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private string ReadLog() => ChildProcess.ReadLog(LogFile);

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
}
