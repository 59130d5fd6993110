using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Makes the probe of a check's kind.</summary>
public static class CheckProbes
{
    public static ICheckProbe For(Check check, ProbeContext context) => check switch
    {
        HttpCheck http => new HttpProbe(http, context),
        TcpCheck tcp => new TcpProbe(tcp, context),
        TlsCheck tls => new TlsProbe(tls, context),
        DatabaseCheck database => new DatabaseProbe(database, context),
        ProcessCheck process => new ProcessProbe(process, context),
        CommandCheck command => new CommandProbe(command, context),
        BackupCheck backup => new BackupProbe(backup, context),
        HeartbeatCheck heartbeat => new HeartbeatProbe(heartbeat, context),
        UpdatesCheck updates => new UpdatesProbe(updates, context),
        DnsCheck dns => new DnsProbe(dns, context),
        IcmpCheck icmp => new IcmpProbe(icmp, context),
        SshCheck ssh => new SshProbe(ssh, context),
        StarttlsCheck starttls => new StarttlsProbe(starttls, context),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check.GetType().Name, "a kind of check without a probe"),
    };
}
