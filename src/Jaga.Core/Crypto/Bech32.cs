namespace Jaga.Core.Crypto;

/// <summary>Bech32 (BIP 173), as age uses it for <c>age1…</c> recipients and <c>AGE-SECRET-KEY-1…</c> identities.</summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var values = ConvertBits(data, 8, 5, pad: true)!;
        var checksum = Checksum(hrp, values);
        var chars = new char[hrp.Length + 1 + values.Count + 6];
        hrp.CopyTo(0, chars, 0, hrp.Length);
        chars[hrp.Length] = '1';
        var i = hrp.Length + 1;
        foreach (var v in values.Concat(checksum)) chars[i++] = Charset[v];
        return new string(chars);
    }

    /// <summary>Decodes a Bech32 string (all lower or all upper case); null when it is not valid.</summary>
    public static (string Hrp, byte[] Data)? Decode(string text)
    {
        if (text.Any(char.IsUpper) && text.Any(char.IsLower)) return null;
        var s = text.ToLowerInvariant();
        var sep = s.LastIndexOf('1');
        if (sep < 1 || sep + 7 > s.Length) return null;
        var hrp = s[..sep];
        var values = new List<byte>();
        foreach (var c in s[(sep + 1)..])
        {
            var v = Charset.IndexOf(c, StringComparison.Ordinal);
            if (v < 0) return null;
            values.Add((byte)v);
        }
        if (Polymod(Expand(hrp).Concat(values)) != 1) return null;
        var data = ConvertBits(values.Take(values.Count - 6).ToArray(), 5, 8, pad: false);
        return data is null ? null : (hrp, data.ToArray());
    }

    private static List<byte> Checksum(string hrp, List<byte> values)
    {
        var mod = Polymod(Expand(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        return Enumerable.Range(0, 6).Select(i => (byte)((mod >> (5 * (5 - i))) & 31)).ToList();
    }

    private static IEnumerable<byte> Expand(string hrp) =>
        hrp.Select(c => (byte)(c >> 5)).Append((byte)0).Concat(hrp.Select(c => (byte)(c & 31)));

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint[] gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
                if (((top >> i) & 1) != 0) chk ^= gen[i];
        }
        return chk;
    }

    private static List<byte>? ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var result = new List<byte>();
        var max = (1 << to) - 1;
        foreach (var value in data)
        {
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & max));
            }
        }
        if (pad)
        {
            if (bits > 0) result.Add((byte)((acc << (to - bits)) & max));
        }
        else if (bits >= from || ((acc << (to - bits)) & max) != 0)
        {
            return null;
        }
        return result;
    }
}
