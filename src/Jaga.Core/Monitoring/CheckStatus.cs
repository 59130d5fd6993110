namespace Jaga.Core.Monitoring;

/// <summary>A check's alerting state: <see cref="Unknown"/> until enough results decide it.</summary>
public enum CheckStatus
{
    Unknown,
    Up,
    Down,
}
