namespace Jaga.Core.Monitoring;

/// <summary>How one check result came out. <see cref="Warning"/> (a Nagios WARNING) counts as passing for alerts but is shown.</summary>
public enum CheckOutcome
{
    Up,
    Warning,
    Down,
}
