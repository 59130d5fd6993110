using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Makes the probe of a check's kind.</summary>
public static class CheckProbes
{
    public static ICheckProbe For(Check check, ProbeContext context) => check.Kind switch
    {
        "http" => new HttpProbe(check, context),
        "tcp" => new TcpProbe(check, context),
        "tls" => new TlsProbe(check, context),
        "postgres" or "sqlite" or "mysql" => new DatabaseProbe(check, context),
        "process" => new ProcessProbe(check, context),
        "command" => new CommandProbe(check, context),
        "backup" => new BackupProbe(check, context),
        _ => new HeartbeatProbe(check, context),
    };
}
