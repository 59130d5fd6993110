using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jaga.Core.Ledger;

/// <summary>The canonical form of an entry, hashed with SHA-256. Documented in docs/audit.md so anyone can re-compute it.</summary>
/// <remarks>
/// One line of JSON, UTF-8, no spaces, keys in this fixed order:
/// <c>{"v":1,"seq":N,"time":"yyyy-MM-ddTHH:mm:ss.fffZ","actor":…,"kind":…,"level":…,"message":…,"line":…,"data":{…},"prev":…}</c>;
/// <c>data</c> keys sorted by ordinal (UTF-16 code unit) order; in strings only <c>"</c>, <c>\</c> and
/// characters below U+0020 are escaped (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c>, else <c>\u00XX</c>
/// in lowercase hex); everything else is written as UTF-8 — the same bytes as Python's
/// <c>json.dumps(obj, ensure_ascii=False, separators=(",", ":"))</c>.
/// </remarks>
public static class AuditCanonical
{
    [ThreadStatic]
    private static byte[]? buffer;

    [ThreadStatic]
    private static IncrementalHash? sha256;

    public static string HashHex(AuditEntry e) => Convert.ToHexStringLower(Hash(e));

    public static byte[] Hash(AuditEntry e)
    {
        var hash = new byte[32];
        Hash(e, hash);
        return hash;
    }

    public static void Hash(AuditEntry e, Span<byte> destination)
    {
        var buf = buffer ??= new byte[4096];
        int length;
        while (!TryWrite(e, buf, out length)) buf = buffer = new byte[buf.Length * 2];
        // A reused hash object: the one-shot API pays for a new OpenSSL context on every entry.
        var h = sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(buf.AsSpan(0, length));
        h.GetHashAndReset(destination);
    }

    public static string Text(AuditEntry e)
    {
        var buf = new byte[4096];
        int length;
        while (!TryWrite(e, buf, out length)) buf = new byte[buf.Length * 2];
        return Encoding.UTF8.GetString(buf, 0, length);
    }

    private static bool TryWrite(AuditEntry e, byte[] buf, out int length)
    {
        var w = new Writer(buf);
        w.Raw("{\"v\":1,\"seq\":");
        w.Number(e.Seq);
        w.Raw(",\"time\":\"");
        w.Time(e.Time.UtcDateTime);
        w.Raw("\",\"actor\":");
        w.Str(e.Actor);
        w.Raw(",\"kind\":");
        w.Str(e.Kind);
        w.Raw(",\"level\":\"");
        w.Raw(e.Level.ToText());
        w.Raw("\",\"message\":");
        w.Str(e.Message);
        w.Raw(",\"line\":");
        w.Str(e.Line);
        w.Raw(",\"data\":{");
        var first = true;
        foreach (var key in SortedKeys(e.Data))
        {
            if (!first) w.Raw(",");
            first = false;
            w.Str(key);
            w.Raw(":");
            w.Str(e.Data[key]);
        }
        w.Raw("},\"prev\":");
        w.Str(e.Prev);
        w.Raw("}");
        length = w.Position;
        return !w.Overflow;
    }

    private static IEnumerable<string> SortedKeys(IReadOnlyDictionary<string, string> data)
    {
        if (data.Count == 0) return [];
        if (data.Count == 1) return data.Keys;
        var keys = data.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private ref struct Writer(byte[] buf)
    {
        private readonly byte[] buf = buf;

        public int Position;
        public bool Overflow;

        public void Raw(string ascii)
        {
            if (Position + ascii.Length > buf.Length)
            {
                Overflow = true;
                return;
            }
            for (var i = 0; i < ascii.Length; i++) buf[Position++] = (byte)ascii[i];
        }

        public void Number(long n)
        {
            if (Position + 20 > buf.Length || !n.TryFormat(buf.AsSpan(Position), out var written, default, CultureInfo.InvariantCulture))
            {
                Overflow = true;
                return;
            }
            Position += written;
        }

        /// <summary>yyyy-MM-ddTHH:mm:ss.fffZ, written digit by digit: this runs once per entry of a long chain.</summary>
        public void Time(DateTime t)
        {
            if (Position + 24 > buf.Length)
            {
                Overflow = true;
                return;
            }
            Digits(t.Year, 4);
            buf[Position++] = (byte)'-';
            Digits(t.Month, 2);
            buf[Position++] = (byte)'-';
            Digits(t.Day, 2);
            buf[Position++] = (byte)'T';
            Digits(t.Hour, 2);
            buf[Position++] = (byte)':';
            Digits(t.Minute, 2);
            buf[Position++] = (byte)':';
            Digits(t.Second, 2);
            buf[Position++] = (byte)'.';
            Digits(t.Millisecond, 3);
            buf[Position++] = (byte)'Z';
        }

        private void Digits(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                buf[Position + i] = (byte)('0' + (value % 10));
                value /= 10;
            }
            Position += count;
        }

        public void Str(string s)
        {
            Raw("\"");
            var clean = s.AsSpan().IndexOfAny(Special) < 0;
            if (clean)
            {
                if (Position + Encoding.UTF8.GetMaxByteCount(s.Length) > buf.Length && Position + Encoding.UTF8.GetByteCount(s) > buf.Length)
                {
                    Overflow = true;
                    return;
                }
                Position += Encoding.UTF8.GetBytes(s, buf.AsSpan(Position));
            }
            else
            {
                foreach (var rune in s.EnumerateRunes())
                {
                    switch (rune.Value)
                    {
                        case '"': Raw("\\\""); break;
                        case '\\': Raw("\\\\"); break;
                        case '\n': Raw("\\n"); break;
                        case '\r': Raw("\\r"); break;
                        case '\t': Raw("\\t"); break;
                        case '\b': Raw("\\b"); break;
                        case '\f': Raw("\\f"); break;
                        case < 0x20: Raw("\\u00" + rune.Value.ToString("x2", CultureInfo.InvariantCulture)); break;
                        default:
                            if (Position + 4 > buf.Length)
                            {
                                Overflow = true;
                                return;
                            }
                            Position += rune.EncodeToUtf8(buf.AsSpan(Position));
                            break;
                    }
                }
            }
            Raw("\"");
        }

        private static readonly SearchValues<char> Special = SearchValues.Create(
            "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");
    }
}
