namespace Jaga.Core.Ports;

/// <summary>Which reading reports a pending security finding.</summary>
public enum SecurityFindingSource
{
    /// <summary>A dependency audit (<c>jaga deps audit</c>, <c>plan</c>, <c>update</c>, the daemon's scheduled audit): an
    /// advisory that affects the version of a package the project uses.</summary>
    Dependency,

    /// <summary>A reading of the machine's OS updates (<c>jaga patches</c>): a package with a newer version waiting in a
    /// security archive.</summary>
    OsPackage,
}
