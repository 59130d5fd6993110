using System.Globalization;
using System.Text;

namespace Jaga.Core.Ledger;

/// <summary>A signed statement "the chain had <see cref="Seq"/> entries and its head hash was <see cref="Head"/> at <see cref="Time"/>".</summary>
public sealed record Checkpoint(long Seq, string Head, DateTimeOffset Time, string KeyId, string Signature)
{
    public const string Format = "jaga-checkpoint-v1";

    /// <summary>The exact bytes that are signed: four lines, each ending in LF.</summary>
    public static byte[] Statement(long seq, string head, DateTimeOffset time) => Encoding.UTF8.GetBytes(
        $"{Format}\n{seq.ToString(CultureInfo.InvariantCulture)}\n{head}\n{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\n");

    public byte[] Statement() => Statement(Seq, Head, Time);
}
