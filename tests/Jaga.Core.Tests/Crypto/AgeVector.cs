using System.IO.Compression;
using System.Text;

namespace Jaga.Core.Tests.Crypto;

/// <summary>One of C2SP's age conformance vectors: a textual header (<c>key: value</c> lines), an empty line, then the
/// age file, zlib-compressed when <c>compressed: zlib</c>. See Vectors/LICENSE for where they come from.</summary>
internal sealed record AgeVector(
    string Name, string Expect, string? PayloadSha256, IReadOnlyList<string> Identities, IReadOnlyList<string> Passphrases,
    bool Armored, byte[] File)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Crypto", "Vectors", "testdata");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static AgeVector Load(string name)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(Directory, name));
        var split = bytes.AsSpan().IndexOf("\n\n"u8);
        var header = Encoding.UTF8.GetString(bytes, 0, split).Split('\n')
            .Select(l => l.Split(": ", 2)).Select(p => (Key: p[0], Value: p[1])).ToList();
        string? One(string key) => header.Where(h => h.Key == key).Select(h => h.Value).SingleOrDefault();
        List<string> All(string key) => header.Where(h => h.Key == key).Select(h => h.Value).ToList();
        var file = bytes[(split + 2)..];
        if (One("compressed") == "zlib")
        {
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(new MemoryStream(file), CompressionMode.Decompress)) z.CopyTo(inflated);
            file = inflated.ToArray();
        }
        return new AgeVector(name, One("expect")!, One("payload"), All("identity"), All("passphrase"), One("armored") == "yes", file);
    }
}
