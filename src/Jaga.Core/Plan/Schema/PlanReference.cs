using System.Text;

namespace Jaga.Core.Plan.Schema;

/// <summary>The key-by-key reference of docs/plan.md, generated from <see cref="PlanSchema"/> so the docs cannot drift from the parser.</summary>
public static class PlanReference
{
    public const string Begin = "<!-- BEGIN GENERATED: jaga plan keys -->";
    public const string End = "<!-- END GENERATED: jaga plan keys -->";

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine("| key | type | default | meaning |");
        md.AppendLine("| --- | --- | --- | --- |");
        Walk(md, PlanSchema.Root, "");
        md.AppendLine(End);
        return md.ToString();
    }

    private static void Walk(StringBuilder md, ObjectShape shape, string prefix)
    {
        foreach (var f in shape.Fields)
        {
            var key = prefix + f.Name;
            var meaning = (f.Description ?? "").Replace("|", "\\|", StringComparison.Ordinal);
            if (shape.OneOf.Contains(f.Name)) meaning = $"(one of: {string.Join(", ", shape.OneOf)}) {meaning}";
            if (f.Required) meaning = "**required.** " + meaning;
            md.AppendLine($"| `{key}` | {Type(f.Shape)} | {(f.Default is null ? "" : $"`{f.Default}`")} | {meaning.Trim()} |");
            switch (f.Shape)
            {
                case ObjectShape o: Walk(md, o, key + "."); break;
                case ListShape { Item: ObjectShape lo }: Walk(md, lo, key + "[]."); break;
                case MapShape { Value: ObjectShape mo } m: Walk(md, mo, $"{key}.<{m.KeyMeaning}>."); break;
            }
        }
    }

    private static string Type(Shape s) => s switch
    {
        ObjectShape { ShortKey: { } k } o => $"mapping (or its {k} alone: {Type(o.Find(k)!.Shape)})",
        ObjectShape => "mapping",
        ListShape l => $"list of {Type(l.Item)}" + (l.AllowSingle ? " (or one)" : ""),
        MapShape m => $"{m.KeyMeaning} → {Type(m.Value)}",
        UnionShape u => string.Join(" or ", u.Options.Select(Type)),
        ScalarShape { Kind: ScalarKind.Enum } e => string.Join(" \\| ", e.Values),
        ScalarShape { Kind: ScalarKind.Url } url => $"URL ({string.Join(", ", url.Schemes)})" + (url.Secret ? ", secret" : ""),
        ScalarShape { Kind: ScalarKind.OnFailure } => "stop \\| continue \\| runbook NAME",
        ScalarShape sc => sc.Kind.ToString().ToLowerInvariant() + (sc.Secret ? ", secret" : ""),
        _ => "",
    };
}
