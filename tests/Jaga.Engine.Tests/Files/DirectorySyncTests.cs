using Jaga.Engine.Files;

namespace Jaga.Engine.Tests.Files;

/// <summary>The fsync of a folder after a rename really happens (it used to open the folder as a file, which .NET
/// refuses, and silently skip the sync).</summary>
public sealed class DirectorySyncTests
{
    [Fact]
    public void A_folder_is_synced_and_a_missing_one_or_a_file_is_not()
    {
        var dir = Directory.CreateTempSubdirectory("jaga-dirsync-");
        try
        {
            Assert.True(DirectorySync.Flush(dir.FullName));
            var file = Path.Combine(dir.FullName, "f");
            File.WriteAllText(file, "x");
            Assert.False(DirectorySync.Flush(file));
            Assert.False(DirectorySync.Flush(Path.Combine(dir.FullName, "missing")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
