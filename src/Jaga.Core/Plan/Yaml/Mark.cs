namespace Jaga.Core.Plan.Yaml;

/// <summary>A 1-based position in the plan text.</summary>
public readonly record struct Mark(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
