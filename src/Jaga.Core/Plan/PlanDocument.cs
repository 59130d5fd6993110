using Jaga.Core.Plan.Schema;
using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Plan;

/// <summary>Renders the plan as the human maintenance-plan document, with the seed's sections, in the plan's language.</summary>
/// <remarks>Every value passes through the plan's redactor: the document is meant to be printed and shared.</remarks>
public static class PlanDocument
{
    public static string Markdown(LoadedPlan loaded, string? language = null)
    {
        var plan = loaded.Plan;
        var t = Catalog.For(language ?? plan.Language);
        string R(string? s) => Cell(loaded.Redactor.Redact(s ?? ""));
        var md = new StringBuilder();
        md.Append("# ").AppendLine(t.Format("doc.title", plan.Project)).AppendLine();
        md.AppendLine(t.Format("doc.generated", Path.GetFileName(loaded.File), loaded.Sha256[..12], plan.Timezone.Id)).AppendLine();

        Section(md, t, "doc.backup");
        if (plan.Backup.Count == 0) md.AppendLine(t["doc.none"]).AppendLine();
        else
        {
            Table(md, [t["doc.col.job"], t["doc.col.source"], t["doc.col.schedule"], t["doc.col.to"], t["doc.col.file"], t["doc.col.protect"], t["doc.col.keep"], t["doc.col.verify"]],
                plan.Backup.Select(b => new[]
                {
                    b.Name, $"{EnumWord.Of(b.Source.Kind)}: {R(b.Source.Where)}",
                    $"`{b.When.Text}`", string.Join(", ", b.To), $"`{R(b.File)}`",
                    EnumWord.Of(b.Compress) + (b.Encrypt is null ? "" : " + age"),
                    Keep(b.Keep), b.Verify is null ? "—" : b.Verify.RestoreInto is null
                        ? t["doc.verify.checksum"] + (b.Verify.Schedule is { } vs ? $" (`{vs}`)" : "")
                        : t.Format("doc.verify.restore", b.Verify.Schedule is { } rs ? $"(`{rs}`)" : ""),
                }));
        }
        if (plan.Destinations.Count > 0)
        {
            md.Append("### ").AppendLine(t["doc.destinations"]).AppendLine();
            Table(md, [t["doc.col.name"], t["doc.col.kind"].Split(' ')[0], t["doc.col.where"]],
                plan.Destinations.Select(d => new[] { d.Key, d.Value.Kind, R(d.Value.Where) }));
        }

        Section(md, t, "doc.monitoring");
        var m = plan.Monitoring;
        if (m.Host is { } host)
        {
            var limits = new List<string>();
            if (host.Cpu is not null) limits.Add($"CPU {host.Cpu}");
            if (host.Memory is not null) limits.Add($"RAM {host.Memory}");
            if (host.Swap is not null) limits.Add($"swap {host.Swap}");
            if (host.Load is not null) limits.Add($"load {host.Load}");
            limits.AddRange(host.Disk.Select(d => $"disk {d.Key} {d.Value}"));
            md.AppendLine(t.Format("doc.host", DurationValue.Format(host.Every), string.Join(", ", limits))).AppendLine();
        }
        if (m.Checks.Count > 0)
        {
            Table(md, [t["doc.col.check"], t["doc.col.target"], t["doc.col.every"], t["doc.col.expect"], t["doc.col.alert"]],
                m.Checks.Select(c => new[]
                {
                    c.Name, Target(c, R, t), c is HeartbeatCheck ? "—" : DurationValue.Format(c.Every), Cell(string.Join("; ", c.Expect)),
                    c.Alert is null ? "—" : t.Format("doc.alert.after", c.Alert.After, string.Join(", ", c.Alert.Notify.Concat(c.Alert.Runbook is null ? [] : [c.Alert.Runbook]))),
                }));
        }
        if (m.Logs.Count > 0)
        {
            Table(md, [t["doc.col.path"], t["doc.col.rotate"], t["doc.col.keep"]],
                m.Logs.Select(l => new[]
                {
                    $"`{l.Path}`", (l.MaxSize is { } size ? $"> {ByteSize.Format(size)}" : "—") + (l.Compress != Compression.None ? $", {EnumWord.Of(l.Compress)}" : ""),
                    string.Join(", ", new[] { l.Keep is { } k ? DurationValue.Format(k) : null, l.Count is { } n ? $"{n}×" : null, l.TotalSize is { } ts ? ByteSize.Format(ts) : null }.Where(x => x is not null)),
                }));
        }
        if (m.Host is null && m.Checks.Count == 0 && m.Logs.Count == 0) md.AppendLine(t["doc.none"]).AppendLine();

        Section(md, t, "doc.update");
        var u = plan.Update;
        if (u.Schedule is not null) md.AppendLine("- " + t.Format("doc.update.schedule", $"`{u.Schedule}`"));
        md.AppendLine("- " + t.Format("doc.update.manifests", string.Join(", ", u.Manifests)));
        if (u.Test is not null) md.AppendLine("- " + t.Format("doc.update.test", R(u.Test)));
        if (u.OsPackages) md.AppendLine("- " + t["doc.update.os"]);
        md.AppendLine("- " + (u.FailOn == FailOn.Never ? t["doc.update.fail.never"] : t.Format("doc.update.fail.on", EnumWord.Of(u.FailOn))));
        foreach (var s in u.Suppress)
            md.AppendLine("- " + t.Format("doc.update.suppress", s.Package is null ? s.Advisory : $"{s.Advisory} ({s.Package})", R(s.Reason), R(s.Owner), s.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        md.AppendLine();
        Table(md, [t["doc.col.kind"], t["doc.col.action"]],
        [
            [t["doc.kind.security"], t["doc.policy." + EnumWord.Of(u.Policy.Security)]], [t["doc.kind.patch"], t["doc.policy." + EnumWord.Of(u.Policy.Patch)]],
            [t["doc.kind.minor"], t["doc.policy." + EnumWord.Of(u.Policy.Minor)]], [t["doc.kind.major"], t["doc.policy." + EnumWord.Of(u.Policy.Major)]],
        ]);

        Section(md, t, "doc.emergency");
        if (plan.Emergency.Runbooks.Count == 0) md.AppendLine(t["doc.none"]).AppendLine();
        else
        {
            // The contacts once, then each runbook as its printable procedure (`jaga runbook show`), a level down.
            md.Append(Emergency.DocumentWriter.Markdown(Emergency.RunbookDocument.Contacts(loaded, t), headingShift: 1)).AppendLine();
            foreach (var rb in plan.Emergency.Runbooks)
                md.Append(Emergency.DocumentWriter.Markdown(Emergency.RunbookDocument.Blocks(loaded, rb, t.Language, contacts: false), headingShift: 2)).AppendLine();
        }

        if (plan.Migration is { } mig)
        {
            Section(md, t, "doc.migration");
            md.AppendLine(t.Format("doc.migration.steps", R(mig.From), R(mig.To), mig.EnvFile ?? ".env.production", R(mig.Test ?? "—"))).AppendLine();
        }
        if (plan.Notify.Count > 0)
        {
            md.Append("## ").AppendLine(t["doc.notify"]).AppendLine();
            Table(md, [t["doc.col.name"], t["doc.col.where"]],
                plan.Notify.Select(n => new[] { n.Key, string.Join(", ", new[] { n.Value.Webhook is null ? null : $"webhook ({EnumWord.Of(n.Value.Format)}) {R(n.Value.Webhook)}", n.Value.Email }.Where(x => x is not null)) }));
        }
        Section(md, t, "doc.audit", plan.Log.File);
        if (plan.Audit.Checkpoint is { } cp) md.AppendLine(t.Format("doc.checkpoint", $"`{cp}`")).AppendLine();
        return md.ToString().TrimEnd() + "\n";
    }

    private static string Target(Check c, Func<string?, string> r, Catalog t) =>
        c is HeartbeatCheck { Heartbeat: var h } ? t.Format("doc.heartbeat", DurationValue.Format(h.Every), DurationValue.Format(h.Grace))
        : r(c.Target);

    private static string Keep(KeepPolicy? k) =>
        k is null ? "—" : string.Join(", ", Retention.RetentionPolicy.Rules(k).Select(r => $"{r.Rule} {r.Value}"));

    private static void Section(StringBuilder md, Catalog t, string key, params object?[] args)
    {
        md.Append("## ").AppendLine(t[key]).AppendLine();
        md.AppendLine(t.Format(key + ".lead", args)).AppendLine();
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
        md.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).AppendLine();
        foreach (var row in rows) md.Append("| ").Append(string.Join(" | ", row)).AppendLine(" |");
        md.AppendLine();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
