using Jaga.Core.Messages;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Jaga.Core.Plan.Yaml;

/// <summary>Reads YAML text into <see cref="PNode"/>s with positions; duplicate keys are reported, not thrown.</summary>
public static class YamlReader
{
    public static PNode? Read(string text, string file, List<PlanError> errors)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, PNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            if (parser.Accept<DocumentEnd>(out _)) return null;
            var root = ReadNode(parser, file, errors, anchors);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
                errors.Add(PlanError.Of(file, At(parser.Current!.Start), new Phrase("plan.error.yaml.second"), new Phrase("plan.hint.yaml.second")));
            return root;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes "(Line: x, Col: y, ...): " which the position already carries.
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && close > 0) message = message[(close + 3)..];
            errors.Add(PlanError.Of(file, At(e.Start), new Phrase("plan.error.yaml", [message]), new Phrase("plan.hint.yaml")));
            return null;
        }
        catch (InvalidOperationException e) when (e.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
        {
            // YamlDotNet's scanner throws this, without a position, on some broken input (a stray '[' or '{' in a block
            // mapping); where it stopped reading is where the text went wrong.
            errors.Add(PlanError.Of(file, At(scanner.CurrentPosition), new Phrase("plan.error.yaml.stray", ["{"]),
                new Phrase("plan.hint.yaml.stray")));
            return null;
        }
    }

    private static PNode ReadNode(IParser parser, string file, List<PlanError> errors, Dictionary<string, PNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target)) return target;
            errors.Add(PlanError.Of(file, At(alias.Start), new Phrase("plan.error.alias", [alias.Value.Value]), new Phrase("plan.hint.alias")));
            return new PScalar(At(alias.Start), "", false);
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new PScalar(At(scalar.Start), scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            {
                OneLine = scalar.Start.Line == scalar.End.Line && scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded),
            };
            Remember(scalar.Anchor, node, anchors);
            return node;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = new List<PNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, file, errors, anchors));
            var node = new PList(At(seqStart.Start), items);
            Remember(seqStart.Anchor, node, anchors);
            return node;
        }
        var mapStart = parser.Consume<MappingStart>();
        var entries = new List<PEntry>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var fromMerge = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, errors, anchors);
            var value = ReadNode(parser, file, errors, anchors);
            if (keyNode is not PScalar key)
            {
                errors.Add(PlanError.Of(file, keyNode.Mark, new Phrase("plan.error.key.plain"), new Phrase("plan.hint.key.plain")));
                continue;
            }
            if (key.Value == "<<" && value is PMap merged)
            {
                // YAML merge keys: explicit entries written later win over merged ones.
                foreach (var e in merged.Entries)
                {
                    if (!seen.TryAdd(e.Key, e.KeyMark)) continue;
                    entries.Add(e);
                    fromMerge.Add(e.Key);
                }
                continue;
            }
            if (fromMerge.Remove(key.Value))
            {
                entries[entries.FindIndex(e => e.Key == key.Value)] = new PEntry(key.Value, key.Mark, value);
                seen[key.Value] = key.Mark;
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                errors.Add(PlanError.Of(file, key.Mark, new Phrase("plan.error.key.twice", [key.Value, first.Line]), new Phrase("plan.hint.key.twice")));
                continue;
            }
            seen[key.Value] = key.Mark;
            entries.Add(new PEntry(key.Value, key.Mark, value));
        }
        var map = new PMap(At(mapStart.Start), entries);
        Remember(mapStart.Anchor, map, anchors);
        return map;
    }

    private static void Remember(AnchorName anchor, PNode node, Dictionary<string, PNode> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static Mark At(YamlDotNet.Core.Mark mark) => new((int)mark.Line, (int)mark.Column);
}
