using Jaga.Core.Errors;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Files;

namespace Jaga.Engine.Updates.Advisories;

/// <summary>OSV documents as files in a folder (an <c>all.zip</c> unpacked, or a few advisories written by hand, as the
/// example project ships them): every <c>*.json</c> in it and below, read one at a time, in name order.</summary>
public static class OsvFolder
{
    private const string Hint = "give a folder of OSV JSON documents (one ecosystem per folder), or an OSV all.zip";

    /// <summary>One advisory is a few KiB (the largest OSV records are some hundred KiB); more is not an advisory.</summary>
    private const int MaxDocument = 16 << 20;

    /// <summary>Throws a <see cref="UserException"/> naming <paramref name="shownAs"/> when the folder holds no document.</summary>
    public static void Check(string folder, string shownAs)
    {
        if (Documents(folder, shownAs).Count == 0) throw new UserException($"{shownAs} holds no OSV advisory (no .json file in the folder)", Hint);
    }

    /// <summary>The documents, read lazily; a file that is not an OSV document is a <see cref="UserException"/> naming it.</summary>
    public static IEnumerable<OsvRecord> Read(string folder, string shownAs)
    {
        foreach (var file in Documents(folder, shownAs))
        {
            var relative = Path.GetRelativePath(folder, file);
            // Bounded, and only a regular file: a FIFO named x.json would block, a link to /dev/zero would fill memory.
            if (InputFile.ReadBytes(file, MaxDocument, "OSV advisory") is not { } bytes) continue;
            OsvRecord record;
            try
            {
                record = OsvJson.Read(bytes);
            }
            catch (FormatException e)
            {
                throw new UserException($"{shownAs}: {relative} is not an OSV advisory ({e.Message})", Hint, e);
            }
            yield return record;
        }
    }

    private static List<string> Documents(string folder, string shownAs)
    {
        try
        {
            return [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"cannot read {shownAs}: {e.Message}", "check the folder's permissions", e);
        }
    }
}
