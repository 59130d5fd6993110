using Jaga.Core.Errors;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Engine.Updates.Advisories;

/// <summary>OSV documents as files in a folder (an <c>all.zip</c> unpacked, or a few advisories written by hand, as the
/// example project ships them): every <c>*.json</c> in it and below, read one at a time, in name order.</summary>
public static class OsvFolder
{
    private const string Hint = "give a folder of OSV JSON documents (one ecosystem per folder), or an OSV all.zip";

    /// <summary>Throws a <see cref="UserException"/> naming <paramref name="shownAs"/> when the folder holds no document.</summary>
    public static void Check(string folder, string shownAs)
    {
        if (!Documents(folder).Any()) throw new UserException($"{shownAs} holds no OSV advisory (no .json file in the folder)", Hint);
    }

    /// <summary>The documents, read lazily; a file that is not an OSV document is a <see cref="UserException"/> naming it.</summary>
    public static IEnumerable<OsvRecord> Read(string folder, string shownAs)
    {
        foreach (var file in Documents(folder))
        {
            var relative = Path.GetRelativePath(folder, file);
            OsvRecord record;
            try
            {
                record = OsvJson.Read(File.ReadAllBytes(file));
            }
            catch (FormatException e)
            {
                throw new UserException($"{shownAs}: {relative} is not an OSV advisory ({e.Message})", Hint, e);
            }
            yield return record;
        }
    }

    private static IEnumerable<string> Documents(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
