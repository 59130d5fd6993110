using System.Net;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>A simple index kept as files, as pip reads one given a <c>file:</c> URL or a folder: a project is the folder
/// named by its normalized name, and its page is the <c>index.html</c> in it (pip has no file form of PEP 691's JSON).</summary>
internal static class LocalIndex
{
    /// <summary>A project's page is a few kilobytes; more than this is not an index page.</summary>
    private const long MaxPage = 16 * 1024 * 1024;

    /// <summary>The page of <paramref name="project"/> (normalized) in <paramref name="folder"/>: a document, not found
    /// when the index has no such project, or unreachable when the index's folder itself is missing or unreadable.</summary>
    public static async Task<RegistryFetch> ReadAsync(string folder, string project, Catalog words, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return new RegistryFetch.Unreachable(words.Format("reason.registry.pip.folder.missing", folder));
        // A normalized name has no path separator; a name that still holds one names no project of a folder.
        if (project.Contains('/', StringComparison.Ordinal) || project.Contains('\\', StringComparison.Ordinal) || project is "" or "..")
            return new RegistryFetch.Refused(HttpStatusCode.NotFound);
        var page = Path.Combine(folder, project, "index.html");
        try
        {
            var info = new FileInfo(page);
            if (!info.Exists) return new RegistryFetch.Refused(HttpStatusCode.NotFound);
            if (info.Length > MaxPage) return new RegistryFetch.Refused(HttpStatusCode.RequestEntityTooLarge);
            return new RegistryFetch.Document(await File.ReadAllBytesAsync(page, ct), "text/html", FromCache: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RegistryFetch.Unreachable(e.Message);
        }
    }
}
