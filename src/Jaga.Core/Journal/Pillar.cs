namespace Jaga.Core.Journal;

/// <summary>Which part of the maintenance plan an entry of the maintenance log belongs to: the seed's four pillars, the
/// migration guideline, manual maintenance (<c>jaga log add</c>), and Jaga's own acts (the audit chain, the plan, the
/// daemon, the scheduler).</summary>
public enum Pillar
{
    Backup,
    Monitoring,
    Update,
    Emergency,
    Migration,
    Manual,
    Other,
}
