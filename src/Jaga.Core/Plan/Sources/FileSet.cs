namespace Jaga.Core.Plan;

/// <summary>Files and folders (<c>files: [uploads/]</c>), less the <c>exclude</c> globs, as one tar stream.</summary>
public sealed record FileSet(IReadOnlyList<string> Files, IReadOnlyList<string> Exclude) : BackupSource
{
    public override SourceKind Kind => SourceKind.Files;

    public override string Where => string.Join(", ", Files);
}
