namespace Jaga.Cli.Composition;

/// <summary>What a process does with a plan, which decides the parts it needs.</summary>
internal enum RunMode
{
    /// <summary><c>jaga run</c>: every pillar, alerts retried for minutes.</summary>
    Daemon,

    /// <summary><c>jaga run --once</c>: every pillar, alerts retried briefly so the process can end.</summary>
    Once,

    /// <summary><c>jaga monitor check</c>: probes without alerting.</summary>
    Probe,

    /// <summary>Any other command: backups and the jobs' schedule, no monitoring.</summary>
    Command,
}
