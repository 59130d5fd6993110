namespace Jaga.Core.Updates.Versions;

/// <summary>How far an update moves a dependency, by the first release number that changes.</summary>
public enum UpdateKind
{
    Patch,
    Minor,
    Major,
}
