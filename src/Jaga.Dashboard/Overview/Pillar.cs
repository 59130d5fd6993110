namespace Jaga.Dashboard.Overview;

/// <summary>The parts of the maintenance plan the overview shows a card for, in the order it shows them.</summary>
public enum Pillar
{
    Backups,
    Monitoring,
    Updates,
    Emergency,
    Log,
}
