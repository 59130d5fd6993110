namespace Jaga.Core.Updates.Unused;

/// <summary>How far the evidence of an unused dependency goes.</summary>
public enum UnusedConfidence
{
    /// <summary>Not looked at: the evidence is missing (a .NET project never built). Not reported as unused.</summary>
    Unchecked,

    /// <summary>The source was scanned as text (npm, Python): a dynamic import, a plugin loaded by name or a tool run by
    /// another tool is not seen.</summary>
    Medium,

    /// <summary>The compiled output was read (.NET): no built assembly references any of the package's assemblies.</summary>
    High,
}
