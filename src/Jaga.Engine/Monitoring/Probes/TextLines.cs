using System.Text;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Reads and writes the text lines of a plain protocol (SSH's identification, SMTP and IMAP before STARTTLS)
/// one byte at a time, so nothing past a line is taken from the stream that TLS takes over next.</summary>
internal static class TextLines
{
    /// <summary>The next line without its CR LF; null when the server closed the connection first. A line longer than
    /// <paramref name="max"/> bytes ends there.</summary>
    public static async Task<string?> ReadAsync(Stream stream, int max, CancellationToken ct)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < max)
        {
            if (await stream.ReadAsync(one, ct) == 0) return bytes.Count == 0 ? null : Text(bytes);
            if (one[0] == '\n') break;
            bytes.Add(one[0]);
        }
        return Text(bytes);
    }

    public static async Task WriteAsync(Stream stream, string line, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), ct);
        await stream.FlushAsync(ct);
    }

    private static string Text(List<byte> bytes) => Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
}
