namespace Jaga.Core.Monitoring;

/// <summary>Why a check's alerts are held back.</summary>
public enum AlertHoldKind
{
    /// <summary>A check it depends on (directly or through others) is down: that one alert speaks for both.</summary>
    ParentDown,

    /// <summary>A maintenance window covering it is active.</summary>
    Maintenance,
}
