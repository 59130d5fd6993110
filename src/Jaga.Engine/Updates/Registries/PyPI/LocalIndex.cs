using System.Net;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Engine.Files;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>A simple index kept as files, as pip reads one given a <c>file:</c> URL or a folder: a project is the folder
/// named by its normalized name, and its page is the <c>index.html</c> in it (pip has no file form of PEP 691's JSON).</summary>
internal static class LocalIndex
{
    /// <summary>A project's page is a few kilobytes; more than this is not an index page.</summary>
    private const int MaxPage = 16 * 1024 * 1024;

    /// <summary>The page of <paramref name="project"/> (normalized) in <paramref name="folder"/>: a document, not found
    /// when the index has no such project, or unreachable when the index's folder itself is missing or unreadable.</summary>
    public static RegistryFetch Read(string folder, string project, Catalog words)
    {
        if (!Directory.Exists(folder)) return new RegistryFetch.Unreachable(words.Format("reason.registry.pip.folder.missing", folder));
        // A normalized name has no path separator; a name that still holds one names no project of a folder.
        if (project.Contains('/', StringComparison.Ordinal) || project.Contains('\\', StringComparison.Ordinal) || project is "" or "..")
            return new RegistryFetch.Refused(HttpStatusCode.NotFound);
        var page = Path.Combine(folder, project, "index.html");
        try
        {
            // Bounded, and only a regular file: a FIFO as index.html would block the open, /dev/zero fill memory.
            var bytes = InputFile.ReadBytes(page, MaxPage, "index page");
            return bytes is null
                ? new RegistryFetch.Refused(HttpStatusCode.NotFound)
                : new RegistryFetch.Document(bytes, "text/html", FromCache: false);
        }
        catch (UserException e)
        {
            return new RegistryFetch.Unreachable(e.Message);
        }
    }
}
