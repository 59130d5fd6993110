namespace Jaga.Core.Plan;

/// <summary>pg_dump's output format (<c>format:</c>): plain SQL that psql restores, or the custom archive pg_restore reads.</summary>
public enum DumpFormat
{
    Plain,
    Custom,
}
