using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>Checks as the plan binds them, with only what a test cares about set.</summary>
internal static class Checks
{
    public static Check Of(string name, string kind = "http", IReadOnlyList<string>? expect = null, IReadOnlyList<string>? dependsOn = null, Alert? alert = null)
    {
        string? Target(string k, string value) => kind == k ? value : null;
        return new Check(
            name, Target("http", "http://127.0.0.1:8080/health"), Target("tcp", "127.0.0.1:5432"), Target("tls", "example.com:443"),
            Target("postgres", "postgres://jaga@127.0.0.1/app"), Target("sqlite", "data/app.db"), Target("mysql", "mysql://jaga@127.0.0.1/app"),
            Target("process", "nginx"), Target("command", "/usr/lib/nagios/plugins/check_load"), Target("backup", "db"),
            kind == "heartbeat" ? new Heartbeat(TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), null) : null,
            null, new Dictionary<string, string>(), null, null, true, false, TimeSpan.FromHours(26), TimeSpan.FromMinutes(1),
            TimeSpan.FromSeconds(10), expect ?? [], dependsOn ?? [], alert);
    }
}
