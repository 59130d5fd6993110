using System.Text;

namespace Jaga.Testing;

/// <summary>The configuration of a one-node Swift with the S3 API (see /work/shared/notes/s3-test-store.md): one ring
/// per server kind with one device and one replica, tempauth's user <c>test:tester</c>, all on 127.0.0.1.</summary>
internal static class SwiftConfig
{
    public static readonly string[] Backends = ["account", "container", "object"];

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private static readonly string[] ProxyFilters =
        ["catch_errors", "gatekeeper", "healthcheck", "proxy-logging", "cache", "listing_formats", "bulk", "s3api", "tempauth", "copy", "slo", "dlo", "versioned_writes"];

    /// <summary>Writes swift.conf and the four server confs into <paramref name="etc"/>.</summary>
    public static async Task WriteAsync(string etc, string devices, IReadOnlyDictionary<string, int> ports, string user)
    {
        await File.WriteAllTextAsync(Path.Combine(etc, "swift.conf"), """
            [swift-hash]
            swift_hash_path_prefix = jaga
            swift_hash_path_suffix = tests

            [storage-policy:0]
            name = gold
            default = yes

            """);
        foreach (var backend in Backends)
        {
            var conf = new StringBuilder()
                .Append(Common(etc, ports[backend], user))
                .AppendLine($"devices = {devices}")
                .AppendLine("mount_check = false")
                .AppendLine("disable_fallocate = true")
                .AppendLine()
                .AppendLine("[pipeline:main]").AppendLine($"pipeline = {backend}-server")
                .AppendLine($"[app:{backend}-server]").AppendLine($"use = egg:swift#{backend}")
                .AppendLine($"[{backend}-replicator]").AppendLine($"[{backend}-updater]").AppendLine($"[{backend}-auditor]");
            if (backend == "container") conf.AppendLine("[container-sync]");
            await File.WriteAllTextAsync(Path.Combine(etc, $"{backend}-server.conf"), conf.ToString());
        }
        var proxy = new StringBuilder()
            .Append(Common(etc, ports["proxy"], user))
            .AppendLine()
            .AppendLine("[pipeline:main]").AppendLine($"pipeline = {string.Join(' ', ProxyFilters)} proxy-server")
            .AppendLine("[app:proxy-server]").AppendLine("use = egg:swift#proxy").AppendLine("account_autocreate = true");
        foreach (var filter in ProxyFilters.Distinct())
        {
            proxy.AppendLine($"[filter:{filter}]").AppendLine($"use = egg:swift#{(filter == "cache" ? "memcache" : filter.Replace('-', '_'))}");
            if (filter == "s3api") proxy.AppendLine("location = us-east-1");
            if (filter == "tempauth") proxy.AppendLine("user_test_tester = testing .admin");
        }
        await File.WriteAllTextAsync(Path.Combine(etc, "proxy-server.conf"), proxy.ToString());
    }

    /// <summary>Builds the account, container and object rings in <paramref name="etc"/>, side by side.</summary>
    public static Task BuildRingsAsync(string etc, IReadOnlyDictionary<string, int> ports) =>
        Task.WhenAll(Backends.Select(async backend =>
        {
            var builder = $"{backend}.builder";
            await MustAsync(etc, [builder, "create", "10", "1", "1"]);
            await MustAsync(etc, [builder, "add", $"r1z1-127.0.0.1:{ports[backend]}/sdb1", "1"]);
            await MustAsync(etc, [builder, "rebalance"]);
        }));

    /// <summary>One process per server (<c>workers = 0</c>), so stopping a server is killing one known PID.</summary>
    private static string Common(string etc, int port, string user) => new StringBuilder()
        .AppendLine("[DEFAULT]")
        .AppendLine("bind_ip = 127.0.0.1")
        .AppendLine($"bind_port = {port}")
        .AppendLine("workers = 0")
        .AppendLine($"user = {user}")
        .AppendLine($"swift_dir = {etc}")
        .AppendLine("log_level = WARNING")
        .ToString();

    private static async Task MustAsync(string etc, string[] args)
    {
        var result = await ChildProcess.RunAsync("swift-ring-builder", args, ToolTimeout, etc);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"swift-ring-builder {string.Join(' ', args)} failed with exit code {result.ExitCode}:\n{result.Output}");
    }
}
