using System.Text;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Updates.Tests.Apply;

public sealed class RollbackRecordTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-rollback-").FullName;

    private string Records => Path.Combine(root, ".jaga", "update-rollback");

    [Fact]
    public void A_record_left_on_disk_puts_every_file_back_byte_for_byte_and_is_then_removed()
    {
        // A BOM, CRLF line ends and no final line break: bytes a text round trip would lose.
        byte[] manifest = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<Project>\r\n  <PackageReference Include=\"A\" Version=\"1.0.0\" />\r\n</Project>")];
        Write("src/App.csproj", manifest);
        Write("src/packages.lock.json", Encoding.UTF8.GetBytes("{\n  \"version\": 1\n}\n"));
        var snapshot = FileSnapshot.Take(root, ["src/App.csproj", "src/packages.lock.json"]);
        RollbackRecord.Write(snapshot, ["A==1.0.1"]);
        File.WriteAllText(Path.Combine(root, "src/App.csproj"), "half-written");
        File.Delete(Path.Combine(root, "src/packages.lock.json"));

        var recovered = Assert.Single(RollbackRecord.RecoverAll(root));

        Assert.Equal(["A==1.0.1"], recovered.Updates);
        Assert.Equal(2, recovered.Files);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(root, "src/App.csproj")));
        Assert.Equal("{\n  \"version\": 1\n}\n", File.ReadAllText(Path.Combine(root, "src/packages.lock.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Records));
        Assert.Empty(RollbackRecord.RecoverAll(root));
    }

    [Fact]
    public void A_record_without_its_record_file_was_left_before_any_edit_and_is_only_removed()
    {
        Write("requirements.txt", Encoding.UTF8.GetBytes("numpy==1.26.0\n"));
        Directory.CreateDirectory(Path.Combine(Records, "left"));
        File.WriteAllText(Path.Combine(Records, "left", "0.bin"), "numpy==1.25.0\n");

        Assert.Empty(RollbackRecord.RecoverAll(root));

        Assert.Equal("numpy==1.26.0\n", File.ReadAllText(Path.Combine(root, "requirements.txt")));
        Assert.False(Directory.Exists(Path.Combine(Records, "left")));
    }

    [Fact]
    public void A_damaged_copy_is_not_restored_and_its_record_stays_for_a_person_to_look_at()
    {
        Write("requirements.txt", Encoding.UTF8.GetBytes("numpy==1.25.0\n"));
        RollbackRecord.Write(FileSnapshot.Take(root, ["requirements.txt"]), ["numpy==1.26.0"]);
        File.WriteAllText(Path.Combine(root, "requirements.txt"), "numpy==1.26.0\n");
        var folder = Assert.Single(Directory.GetDirectories(Records));
        File.WriteAllText(Path.Combine(folder, "0.bin"), "numpy==9.9.9\n");

        var e = Assert.Throws<InvalidDataException>(() => RollbackRecord.RecoverAll(root));

        Assert.Contains("the saved copy of requirements.txt", e.Message, StringComparison.Ordinal);
        Assert.Equal("numpy==1.26.0\n", File.ReadAllText(Path.Combine(root, "requirements.txt")));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_snapshot_restore_is_checked_by_its_hash()
    {
        Write("package.json", Encoding.UTF8.GetBytes("{ \"dependencies\": { \"a\": \"^1.0.0\" } }"));
        var snapshot = FileSnapshot.Take(root, ["package.json", "package.json"]);
        Assert.Single(snapshot.Files);
        File.WriteAllText(Path.Combine(root, "package.json"), "{}");
        Assert.Equal(["package.json"], snapshot.Changed());

        snapshot.Restore();

        Assert.Empty(snapshot.Changed());
    }

    public void Dispose() => Jaga.Testing.FixtureFolders.TryDelete(root);

    private void Write(string relative, byte[] bytes)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
