using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>Checks as the plan binds them, with only what a test cares about set.</summary>
internal static class Checks
{
    public static Check Of(string name, string kind = "http", IReadOnlyList<string>? expect = null, IReadOnlyList<string>? dependsOn = null, Alert? alert = null)
    {
        var every = TimeSpan.FromMinutes(1);
        var timeout = TimeSpan.FromSeconds(10);
        IReadOnlyList<string> e = expect ?? [];
        IReadOnlyList<string> d = dependsOn ?? [];
        return kind switch
        {
            "http" => new HttpCheck(name, "http://127.0.0.1:8080/health", null, new Dictionary<string, string>(), null, true, false, null, every, timeout, e, d, alert),
            "tcp" => new TcpCheck(name, "127.0.0.1:5432", every, timeout, e, d, alert),
            "tls" => new TlsCheck(name, "example.com:443", false, null, every, timeout, e, d, alert),
            "postgres" => new PostgresCheck(name, "postgres://jaga@127.0.0.1/app", null, every, timeout, e, d, alert),
            "sqlite" => new SqliteCheck(name, "data/app.db", null, every, timeout, e, d, alert),
            "mysql" => new MysqlCheck(name, "mysql://jaga@127.0.0.1/app", null, every, timeout, e, d, alert),
            "process" => new ProcessCheck(name, "nginx", every, timeout, e, d, alert),
            "command" => new CommandCheck(name, "/usr/lib/nagios/plugins/check_load", every, timeout, e, d, alert),
            "backup" => new BackupCheck(name, "db", TimeSpan.FromHours(26), every, timeout, e, d, alert),
            "heartbeat" => new HeartbeatCheck(name, new Heartbeat(TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), null), every, timeout, e, d, alert),
            "updates" => new UpdatesCheck(name, new UpdatesWatch(TimeSpan.FromDays(7)), every, timeout, e, d, alert),
            "dns" => new DnsCheck(name, new DnsQuery("127.0.0.1:53", "example.com", "A"), every, timeout, e, d, alert),
            "icmp" => new IcmpCheck(name, "127.0.0.1", every, timeout, e, d, alert),
            "ssh" => new SshCheck(name, new SshLogin("127.0.0.1:22", null, null, null, null, null), every, timeout, e, d, alert),
            "starttls" => new StarttlsCheck(name, "smtp://mail.example.com:587", false, every, timeout, e, d, alert),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
