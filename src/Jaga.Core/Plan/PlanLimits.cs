using Jaga.Core.Messages;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Bounds on what a plan may be, so that a hostile or broken file cannot hang or crash <c>jaga validate</c>.</summary>
internal static class PlanLimits
{
    public const int MaxNodes = 100_000;
    private const int MaxFlowDepth = 64;
    private const int MaxIndent = 512;

    /// <summary>Flow nesting (<c>[[[…</c>) and indentation beyond any real plan; the YAML parser recurses on both.</summary>
    public static PlanError? Check(string text, string file)
    {
        var (line, column, depth, quote) = (1, 0, 0, '\0');
        var lineStart = true;
        var indent = 0;
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                (line, column, lineStart, indent) = (line + 1, 0, true, 0);
                if (quote == '\'') quote = '\0';
                continue;
            }
            if (lineStart && c == ' ')
            {
                if (++indent > MaxIndent) return PlanError.Of(file, new Mark(line, column), new Phrase("plan.error.limit.indent", [MaxIndent]), new Phrase("plan.hint.limit.indent"));
                continue;
            }
            lineStart = false;
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '[' or '{':
                    if (++depth > MaxFlowDepth) return PlanError.Of(file, new Mark(line, column), new Phrase("plan.error.limit.depth", [MaxFlowDepth]), new Phrase("plan.hint.limit.depth"));
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return null;
    }

    /// <summary>Counts nodes as if aliases were expanded, stopping past <paramref name="limit"/>.</summary>
    public static long CountNodes(PNode node, long limit)
    {
        long count = 0;
        var stack = new Stack<PNode>();
        stack.Push(node);
        while (stack.Count > 0 && count <= limit)
        {
            count++;
            switch (stack.Pop())
            {
                case PMap m:
                    foreach (var e in m.Entries) stack.Push(e.Value);
                    break;
                case PList l:
                    foreach (var i in l.Items) stack.Push(i);
                    break;
            }
        }
        return count;
    }
}
