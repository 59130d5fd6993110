using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Updates.Advisories;

/// <summary><c>jaga deps db update</c>: brings OSV's dumps (zip files, folders of documents, or http(s) URLs) into the local advisory database. Every
/// URL is downloaded first, so a server that cannot be reached changes nothing; every file is checked to be a zip before
/// any is imported; each dump is then imported in its own transaction. The update is one journal event.</summary>
public sealed class AdvisoryImporter(IAdvisoryStore store, AdvisoryDownload download)
{
    /// <summary>Where downloads are kept until imported; the system's temporary folder unless a test says otherwise.</summary>
    public string TempFolder { get; init; } = Path.GetTempPath();

    /// <summary>Imports <paramref name="sources"/> (<see cref="AdvisorySources.Official"/> when empty) and records the
    /// update in <paramref name="journal"/>; returns the imports, one per dump.</summary>
    public async Task<IReadOnlyList<AdvisoryImport>> UpdateAsync(
        IReadOnlyList<string> sources, MaintenanceJournal? journal, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var given = sources.Count > 0 ? sources : AdvisorySources.Official;
        var files = new List<(string File, string Shown, bool Temporary)>();
        try
        {
            // A file that is missing is said before any download starts.
            if (given.FirstOrDefault(s => !AdvisorySources.IsUrl(s) && !File.Exists(s) && !Directory.Exists(s)) is { } missing)
                throw new UserException($"no such file: {AdvisorySources.Display(missing)}", "give an OSV all.zip file, a folder of OSV JSON documents or an http(s) URL to --from");
            foreach (var source in given)
            {
                var shown = AdvisorySources.Display(source);
                if (!AdvisorySources.IsUrl(source))
                {
                    files.Add((source, shown, false));
                    continue;
                }
                var file = Path.Combine(TempFolder, $"jaga-osv-{Guid.NewGuid():N}.zip");
                files.Add((file, shown, true));
                await download.ToFileAsync(source, file, progress, ct);
            }
            foreach (var (file, shown, _) in files)
            {
                if (Directory.Exists(file)) OsvFolder.Check(file, shown);
                else OsvArchive.Check(file, shown);
            }

            var imports = new List<AdvisoryImport>();
            foreach (var (file, shown, _) in files)
            {
                var documents = Directory.Exists(file) ? OsvFolder.Read(file, shown) : OsvArchive.Read(file, shown);
                var import = await store.ImportAsync(documents, shown, ct)
                    ?? throw new UserException($"{shown} holds no NuGet, npm or PyPI advisory", "give the all.zip of one of those ecosystems");
                imports.Add(import);
            }
            if (journal is not null) await journal.RecordAsync(Event(imports), ct: ct);
            return imports;
        }
        finally
        {
            foreach (var (file, _, temporary) in files.Where(f => f.Temporary)) File.Delete(file);
        }
    }

    /// <summary>"Advisory data updated: N advisories (npm, NuGet, PyPI)", the ecosystems in the order OSV's names sort.</summary>
    public static AdvisoriesImported Event(IReadOnlyList<AdvisoryImport> imports)
    {
        var latest = imports.GroupBy(i => i.Ecosystem).Select(g => g.Last()).ToList();
        var names = latest.Select(i => OsvJson.NameOf(i.Ecosystem)).Order(StringComparer.OrdinalIgnoreCase);
        return new AdvisoriesImported(latest.Sum(i => i.Advisories), string.Join(", ", names))
        {
            Data = latest.ToDictionary(i => OsvJson.NameOf(i.Ecosystem), i => $"{i.Advisories} from {i.Source}"),
        };
    }
}
