using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Plan;

namespace Jaga.Core.LogRetention;

/// <summary>The names Jaga gives rotated files: <c>app.log.2026-12-01T020000Z</c>, then <c>-01</c>, <c>-02</c>… when rotated
/// again within the same second, then <c>.gz</c> or <c>.zst</c> once compressed. The time is UTC, so names sort by date.</summary>
public static partial class RotatedName
{
    private const string StampFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    /// <summary>The rotated name of <paramref name="liveName"/> at <paramref name="at"/>; <paramref name="counter"/> 0 has no suffix.</summary>
    public static string Format(string liveName, DateTimeOffset at, int counter = 0)
    {
        var stamp = at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        return counter == 0 ? $"{liveName}.{stamp}" : $"{liveName}.{stamp}-{counter.ToString("00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The file extension of a compression: <c>.gz</c>, <c>.zst</c>, or nothing.</summary>
    public static string Extension(Compression compress) => compress.FileExtension();

    /// <summary>Reads a file name (no folder) as one of Jaga's rotated files.</summary>
    public static bool TryParse(string fileName, out RotatedFileName parsed)
    {
        var m = Pattern().Match(fileName);
        if (!m.Success)
        {
            parsed = default!;
            return false;
        }
        var stamp = DateTimeOffset.ParseExact(m.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var counter = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        var compress = CompressionFiles.FromExtension(m.Groups["ext"].Value);
        parsed = new RotatedFileName(m.Groups["live"].Value, stamp, counter, compress);
        return true;
    }

    [GeneratedRegex(@"^(?<live>.+)\.(?<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?<n>\d{2,9}))?(?<ext>\.gz|\.zst)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
