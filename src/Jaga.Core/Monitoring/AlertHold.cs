namespace Jaga.Core.Monitoring;

/// <summary>Why alerts are held: the down parent check, or the active maintenance window, by name.</summary>
/// <param name="Kind">Parent down or maintenance.</param>
/// <param name="Name">The parent check's or the window's name.</param>
public sealed record AlertHold(AlertHoldKind Kind, string Name)
{
    public static AlertHold ParentDown(string check) => new(AlertHoldKind.ParentDown, check);

    public static AlertHold Maintenance(string window) => new(AlertHoldKind.Maintenance, window);

    /// <summary>In words for tests and debugging; log lines use the message catalog with <see cref="Kind"/> and <see cref="Name"/>.</summary>
    public override string ToString() => Kind == AlertHoldKind.ParentDown ? $"check {Name} it depends on is down" : $"maintenance window {Name}";
}
