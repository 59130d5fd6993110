using System.Text;

namespace Jaga.Postgres.Backup;

/// <summary>Counts each table's rows in a plain-SQL dump as it streams past: pg_dump writes a table's data as
/// <c>COPY schema.table (…) FROM stdin;</c>, one line per row (a newline inside a value is written <c>\n</c>), and a
/// line <c>\.</c> at the end. Reading the counts there spares the server a second scan of every table, which took
/// 0.3 s of its CPU at pgbench scale 20 (docs/benchmarks.md, Step 11). Tables are named <c>schema.table</c>, unquoted.
/// Pure: bytes in, counts out, in chunks cut anywhere.</summary>
internal sealed class DumpRowCounter
{
    // A COPY line longer than this (a table with thousands of long column names) is not read; its table is counted
    // by the server instead.
    private const int HeaderLimit = 64 * 1024;
    private static readonly byte[] CopyPrefix = "COPY "u8.ToArray();
    private static readonly byte[] FromStdin = " FROM stdin;"u8.ToArray();

    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly List<byte> line = [];
    private bool inData;
    private bool lineTooLong;
    private long lineLength;
    private string? table;
    private long rows;

    /// <summary>The rows of each table whose data ended (<c>\.</c>) in what was read so far.</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;

    public void Read(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var end = data.IndexOf((byte)'\n');
            var part = end < 0 ? data : data[..end];
            Keep(part);
            lineLength += part.Length;
            if (end < 0) return;
            EndLine();
            data = data[(end + 1)..];
        }
    }

    /// <summary>Keeps what a line's end needs: its first two bytes in data (is it <c>\.</c>?), else the whole line
    /// while it may be a COPY line.</summary>
    private void Keep(ReadOnlySpan<byte> part)
    {
        if (inData)
        {
            for (var i = 0; i < part.Length && line.Count < 3; i++) line.Add(part[i]);
            return;
        }
        if (lineTooLong) return;
        var room = HeaderLimit - line.Count;
        if (part.Length > room)
        {
            lineTooLong = true;
            return;
        }
        foreach (var b in part) line.Add(b);
        if (line.Count >= CopyPrefix.Length && !StartsWithCopy()) lineTooLong = true;
    }

    private void EndLine()
    {
        if (inData)
        {
            if (lineLength == 2 && line[0] == '\\' && line[1] == '.')
            {
                inData = false;
                if (table is not null) counts[table] = rows;
            }
            else
            {
                rows++;
            }
        }
        else if (!lineTooLong && line.Count == lineLength && StartsWithCopy() && EndsWithFromStdin())
        {
            inData = true;
            rows = 0;
            table = TableOf(CollectionsMarshalSpan()[CopyPrefix.Length..]);
        }
        line.Clear();
        lineLength = 0;
        lineTooLong = false;
    }

    private bool StartsWithCopy() => line.Count >= CopyPrefix.Length && CollectionsMarshalSpan()[..CopyPrefix.Length].SequenceEqual(CopyPrefix);

    private bool EndsWithFromStdin() => CollectionsMarshalSpan().EndsWith(FromStdin);

    private ReadOnlySpan<byte> CollectionsMarshalSpan() => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line);

    /// <summary><c>public.t (a, b)</c>, <c>"My Schema"."a ""b""" (x)</c> → <c>public.t</c>, <c>My Schema.a "b"</c>;
    /// null when the line is not that shape (its table is then counted by the server).</summary>
    internal static string? TableOf(ReadOnlySpan<byte> rest)
    {
        var text = Encoding.UTF8.GetString(rest);
        var i = 0;
        var schema = Identifier(text, ref i);
        if (schema is null || i >= text.Length || text[i] != '.') return null;
        i++;
        var name = Identifier(text, ref i);
        if (name is null || i >= text.Length || text[i] != ' ') return null;
        return schema + "." + name;
    }

    private static string? Identifier(string text, ref int i)
    {
        if (i >= text.Length) return null;
        if (text[i] != '"')
        {
            var start = i;
            while (i < text.Length && text[i] is not ('.' or ' ' or '"')) i++;
            return i > start ? text[start..i] : null;
        }
        var name = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    name.Append('"');
                    i += 2;
                    continue;
                }
                i++;
                return name.ToString();
            }
            name.Append(text[i++]);
        }
        return null;
    }
}
