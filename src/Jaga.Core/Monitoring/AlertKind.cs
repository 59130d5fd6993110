namespace Jaga.Core.Monitoring;

/// <summary>The messages alerting sends: the first alert of an outage, reminders while it lasts, and the recovery.</summary>
public enum AlertKind
{
    Down,
    Reminder,
    Recovery,
}
