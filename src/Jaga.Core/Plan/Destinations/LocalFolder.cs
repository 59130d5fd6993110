namespace Jaga.Core.Plan;

/// <summary>A local folder (<c>path:</c>).</summary>
public sealed record LocalFolder(string Path) : Destination
{
    public override string Kind => "local";

    public override string Where => Path;
}
