using Jaga.Core.Errors;
using Jaga.Core.Updates;
using Jaga.Engine.Updates.Advisories;
using Jaga.Sqlite.Advisories;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Advisories;

/// <summary><c>jaga deps db update --from FOLDER</c>: a folder of OSV documents (as the example ships them) is imported as
/// its zip would be, and a folder that holds no advisory, or a file that is not one, is refused with its name.</summary>
public sealed class OsvFolderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-osv-folder-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private string Folder(string name, params (string File, string Text)[] files)
    {
        var folder = Path.Combine(dir, name);
        foreach (var (file, text) in files)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<(SqliteAdvisoryDatabase Db, AdvisoryImporter Importer)> OpenAsync()
    {
        var db = await SqliteAdvisoryDatabase.OpenAsync(Path.Combine(dir, ".jaga", "advisories.db"), clock);
        return (db, new AdvisoryImporter(db, new AdvisoryDownload(new HttpClient(), clock)));
    }

    [Fact]
    public async Task A_folder_of_documents_is_imported_as_one_dump_of_its_ecosystem_below_every_subfolder()
    {
        var npm = Folder("npm", (OsvFiles.LodashPollution + ".json", OsvFiles.Text(OsvFiles.LodashPollution)),
            ("older/" + OsvFiles.LodashRedos + ".json", OsvFiles.Text(OsvFiles.LodashRedos)), ("README.md", "not a document"));
        var (db, importer) = await OpenAsync();

        var imports = await importer.UpdateAsync([npm], null, null, CancellationToken.None);

        var import = Assert.Single(imports);
        Assert.Equal((Ecosystem.Npm, 2, npm), (import.Ecosystem, import.Advisories, import.Source));
        Assert.Equal(2, (await db.ImportsAsync(CancellationToken.None)).Single().Advisories);
    }

    [Fact]
    public async Task A_folder_without_documents_and_a_file_that_is_no_advisory_are_refused_with_their_names()
    {
        var empty = Folder("empty", ("notes.txt", "nothing here"));
        var bad = Folder("bad", ("GHSA-0000.json", "{ \"id\": 3 }"));
        var (db, importer) = await OpenAsync();

        var none = await Assert.ThrowsAsync<UserException>(() => importer.UpdateAsync([empty], null, null, CancellationToken.None));
        var wrong = await Assert.ThrowsAsync<UserException>(() => importer.UpdateAsync([bad], null, null, CancellationToken.None));

        Assert.Equal($"{empty} holds no OSV advisory (no .json file in the folder)", none.Message);
        Assert.StartsWith($"{bad}: GHSA-0000.json is not an OSV advisory", wrong.Message, StringComparison.Ordinal);
        Assert.Empty(await db.ImportsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_fifo_or_a_device_named_as_a_document_is_refused_without_blocking_or_filling_memory()
    {
        var fifo = Folder("fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(fifo, "GHSA-fifo.json")])) await mkfifo.WaitForExitAsync();
        var zero = Folder("zero");
        File.CreateSymbolicLink(Path.Combine(zero, "GHSA-zero.json"), "/dev/zero");
        var (_, importer) = await OpenAsync();

        var blocked = await Assert.ThrowsAsync<UserException>(() => importer.UpdateAsync([fifo], null, null, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));
        var endless = await Assert.ThrowsAsync<UserException>(() => importer.UpdateAsync([zero], null, null, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("is a FIFO", blocked.Message, StringComparison.Ordinal);
        Assert.Contains("GHSA-zero.json", endless.Message, StringComparison.Ordinal);
    }
}
