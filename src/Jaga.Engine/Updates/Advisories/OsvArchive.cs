using System.IO.Compression;
using Jaga.Core.Errors;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Engine.Updates.Advisories;

/// <summary>OSV's per-ecosystem dump (<c>all.zip</c>: one JSON document per advisory), read one entry at a time: only the
/// zip's directory and the entry being read are in memory.</summary>
public static class OsvArchive
{
    private const string Hint = "give an OSV dump such as https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip (or a file downloaded from there)";

    /// <summary>Throws a <see cref="UserException"/> naming <paramref name="shownAs"/> when the file is not a zip.</summary>
    public static void Check(string zipPath, string shownAs)
    {
        using var zip = Open(zipPath, shownAs);
        if (!zip.Entries.Any(IsDocument)) throw new UserException($"{shownAs} holds no OSV advisory (no .json file in the zip)", Hint);
    }

    /// <summary>The documents of the dump, read lazily. A file that is not a zip, a damaged entry or an entry that is not
    /// an OSV document is a <see cref="UserException"/> naming <paramref name="shownAs"/> and the entry.</summary>
    public static IEnumerable<OsvRecord> Read(string zipPath, string shownAs)
    {
        using var zip = Open(zipPath, shownAs);
        var buffer = new byte[64 * 1024];
        foreach (var entry in zip.Entries.Where(IsDocument))
        {
            var length = Load(entry, ref buffer, shownAs);
            yield return Parse(buffer.AsMemory(0, length), entry.FullName, shownAs);
        }
    }

    private static bool IsDocument(ZipArchiveEntry entry) => entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ZipArchive Open(string zipPath, string shownAs)
    {
        var stream = File.OpenRead(zipPath);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new UserException($"{shownAs} is not a zip file: {e.Message}", Hint, e);
        }
    }

    /// <summary>Reads one entry into <paramref name="buffer"/> (grown when the entry is larger); the bytes read.</summary>
    private static int Load(ZipArchiveEntry entry, ref byte[] buffer, string shownAs)
    {
        if (entry.Length > buffer.Length) buffer = new byte[entry.Length];
        try
        {
            using var s = entry.Open();
            var read = 0;
            int n;
            while (read < buffer.Length && (n = s.Read(buffer, read, buffer.Length - read)) > 0) read += n;
            return read;
        }
        catch (InvalidDataException e)
        {
            throw new UserException($"{shownAs} is damaged at {entry.FullName}: {e.Message}", "download it again: " + Hint, e);
        }
    }

    private static OsvRecord Parse(ReadOnlyMemory<byte> utf8, string entry, string shownAs)
    {
        try
        {
            return OsvJson.Read(utf8);
        }
        catch (FormatException e)
        {
            throw new UserException($"{shownAs}: {entry} is not an OSV advisory ({e.Message})", Hint, e);
        }
    }
}
