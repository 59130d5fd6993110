using System.Text;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Engine.Audit;

/// <summary>Walks the text log file beside the chain, line by line, and classifies the first difference.</summary>
internal sealed class LogFileComparer
{
    private const int Lookahead = 1000;

    private readonly string path;
    private readonly List<string> lines;
    private readonly long skipped;
    private readonly string? node;
    private int index;
    private long firstMismatchSeq;

    /// <param name="path">The live log file, named in problems.</param>
    /// <param name="lines">Its lines, after those of its rotated parts.</param>
    /// <param name="skipped">The chain's first entries whose lines were in pruned parts.</param>
    /// <param name="node">The node whose log this is: other nodes' entries have their lines in their own logs.</param>
    public LogFileComparer(string path, List<string> lines, long skipped = 0, string? node = null)
    {
        this.path = path;
        this.lines = lines;
        this.skipped = skipped;
        this.node = node;
    }

    public int Matched => index;

    public void Next(AuditEntry e)
    {
        if (firstMismatchSeq != 0 || e.Seq <= skipped || !e.IsFromNode(node)) return;
        if (index < lines.Count && lines[index] == e.Line) index++;
        else firstMismatchSeq = e.Seq;
    }

    public async Task<AuditProblem?> FinishAsync(IStateStore store, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        if (firstMismatchSeq == 0)
        {
            return index >= lines.Count ? null
                : new AuditProblem(0, AuditProblemKind.LogLineAdded, $"line {index + 1} of {name} is not in the audit chain (added outside Jaga): \"{Clip(lines[index])}\"");
        }
        var ahead = new List<AuditEntry>();
        await foreach (var e in store.ReadAsync(firstMismatchSeq, ct))
        {
            if (!e.IsFromNode(node)) continue;
            ahead.Add(e);
            if (ahead.Count > Lookahead) break;
        }
        var seq = firstMismatchSeq;
        if (index >= lines.Count)
            return new AuditProblem(seq, AuditProblemKind.LogLineDeleted, $"{name} ends after line {index}: the lines of entries #{seq}–#{ahead[^1].Seq} are missing (deleted)");
        var found = lines[index];
        var later = ahead.FindIndex(e => e.Line == found);
        if (later > 0)
            return new AuditProblem(seq, AuditProblemKind.LogLineDeleted, later == 1
                ? $"the line of entry #{seq} is missing from {name} before line {index + 1} (deleted): \"{Clip(ahead[0].Line)}\""
                : $"the lines of entries #{seq}–#{ahead[later - 1].Seq} are missing from {name} before line {index + 1} (deleted)");
        var inserted = lines.Skip(index + 1).Take(Lookahead).ToList().IndexOf(ahead[0].Line);
        if (inserted >= 0)
            return new AuditProblem(seq, AuditProblemKind.LogLineAdded, $"line {index + 1} of {name} is not in the audit chain (added outside Jaga): \"{Clip(found)}\"");
        return new AuditProblem(seq, AuditProblemKind.LogLineEdited, $"line {index + 1} of {name} was edited: the chain's entry #{seq} says \"{Clip(ahead[0].Line)}\", the file says \"{Clip(found)}\"");
    }

    /// <summary>The file's lines; none when it does not exist.</summary>
    public static List<string> ReadLines(string path)
    {
        if (!File.Exists(path)) return [];
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(f, Encoding.UTF8);
        var list = new List<string>();
        while (reader.ReadLine() is { } line) list.Add(line);
        return list;
    }

    private static string Clip(string s) => s.Length <= 100 ? s : s[..97] + "…";
}
