using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Core.Env;

/// <summary>How a value is written into an env file so that Jaga's reader (<see cref="Interpolation.EnvFile"/>), docker
/// compose, python-dotenv and a shell's <c>set -a; . FILE</c> all read back exactly the value given.</summary>
public static partial class EnvValue
{
    /// <summary>The value as the text after <c>KEY=</c>: bare when it holds only characters no reader treats specially,
    /// in single quotes (literal everywhere) when it holds neither a quote nor a line feed, else in double quotes with
    /// <c>\ " $ `</c> escaped and line feeds kept as they are (a double-quoted value may span lines in all four).</summary>
    /// <exception cref="UserException">The value holds a NUL or a carriage return, which no env file keeps intact (readers
    /// turn CRLF into LF); the message names the key, never the value.</exception>
    public static string Quote(string key, string value, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(words);
        if (value.Contains('\0', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            throw new UserException(words.Format("reason.env.value.control", key), words["reason.env.value.control.hint"]);
        if (Bare().IsMatch(value)) return value;
        if (!value.Contains('\'', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal)) return $"'{value}'";
        var sb = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            if (c is '\\' or '"' or '$' or '`') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>HMAC-SHA256 of the value's UTF-8 bytes under <paramref name="key"/> (the installation's key, kept beside the
    /// state), lower-case hex: what the audit entry keeps instead of the value. Whoever holds the key can tell whether two
    /// sets wrote the same value, or whether a value is the one set; without the key, the audit gives no way to guess a
    /// short secret by hashing candidates, as a bare SHA-256 would.</summary>
    public static string Hmac(string value, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>Characters that mean nothing to any of the readers, not even at a value's start (no <c>~</c>, <c>#</c>, quote
    /// or space); the empty value is bare too (<c>KEY=</c>).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./:@%+,=-]*\z")]
    private static partial Regex Bare();
}
