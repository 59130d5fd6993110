namespace Jaga.Core.LogRetention;

/// <summary>A file found beside a rule's glob, as the planner needs it.</summary>
/// <param name="Path">Full path, '/'-separated.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Modified">Last write time.</param>
/// <param name="Created">Creation (birth) time where the file system knows it: the age of a never-rotated file.</param>
public sealed record FoundLogFile(string Path, long Size, DateTimeOffset Modified, DateTimeOffset? Created = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public string Folder => System.IO.Path.GetDirectoryName(Path) ?? "";
}
