using System.Text;

namespace Jaga.Postgres.Backup;

/// <summary>Keeps the last few KiB a program printed: enough to explain a failure, bounded however much it prints.</summary>
internal sealed class OutputTail(int limit = 4096)
{
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();

    public async Task ReadAllAsync(StreamReader reader)
    {
        var buffer = new char[1024];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            lock (gate)
            {
                text.Append(buffer, 0, n);
                if (text.Length > limit) text.Remove(0, text.Length - limit);
            }
        }
    }

    public override string ToString()
    {
        lock (gate) return text.ToString().Trim();
    }
}
