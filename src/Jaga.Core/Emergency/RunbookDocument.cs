using Jaga.Core.Messages;
using Jaga.Core.Plan;

namespace Jaga.Core.Emergency;

/// <summary>A runbook as the printable procedure a person can follow at 3 a.m.: what it is for, whom to call, its
/// parameters, what starts it, and every step in words, in the plan's language; for a <c>restore</c> step, the commands
/// that restore that job's backup without Jaga. <c>jaga runbook show</c> prints it; <c>jaga plan render</c> includes it.</summary>
/// <remarks>Every value passes through the plan's redactor, and step texts are shown with their <c>${…}</c> unfilled: the
/// procedure is meant to be printed and shared, and never holds a secret.</remarks>
public static class RunbookDocument
{
    /// <summary>The procedure as Markdown; <paramref name="language"/> overrides the plan's.</summary>
    public static string Markdown(LoadedPlan loaded, Runbook runbook, string? language = null) => DocumentWriter.Markdown(Blocks(loaded, runbook, language));

    /// <summary>The procedure as plain text, for a terminal.</summary>
    public static string Text(LoadedPlan loaded, Runbook runbook, string? language = null) => DocumentWriter.Text(Blocks(loaded, runbook, language));

    /// <summary>The procedure's parts; its title is a level-1 heading. <paramref name="contacts"/> false leaves the contacts
    /// out, for a document that lists them once for all its runbooks.</summary>
    public static IReadOnlyList<DocBlock> Blocks(LoadedPlan loaded, Runbook runbook, string? language = null, bool contacts = true)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(runbook);
        var plan = loaded.Plan;
        var t = Catalog.For(language ?? plan.Language);
        string R(string s) => loaded.Redactor.Redact(s);
        var blocks = new List<DocBlock> { new DocHeading(1, t.Format("procedure.doc.title", runbook.Name, plan.Project)) };
        if (runbook.Description is { } description) blocks.Add(new DocParagraph(R(description)));
        blocks.Add(new DocParagraph($"{StepWords.Trigger(runbook.Trigger, t)} {t.Format(runbook.Trigger is null ? "procedure.doc.by.hand" : "procedure.doc.auto", runbook.Name)}"));

        if (contacts) blocks.AddRange(Contacts(loaded, t));

        blocks.Add(new DocHeading(2, t["procedure.doc.params"]));
        if (runbook.Params.Count == 0) blocks.Add(new DocParagraph(t["procedure.doc.no.params"]));
        else
            blocks.Add(new DocTable(t.Columns("procedure.doc.params.columns"), [.. runbook.Params.Select(p => (IReadOnlyList<string>)
                [$"`{p.Name}`", StepWords.Type(p), p.Default is null ? t["procedure.doc.required"] : $"`{R(p.Default)}`",
                 p.Allowed.Count == 0 ? "—" : string.Join(", ", p.Allowed.Select(a => $"`{R(a)}`")), R(p.Description ?? "—")])]));

        blocks.Add(new DocHeading(2, t["procedure.doc.steps"]));
        for (var i = 0; i < runbook.Steps.Count; i++)
        {
            var step = runbook.Steps[i];
            var commands = step is RestoreBackupStep { Restore: var restore } && plan.Backup.FirstOrDefault(b => b.Name == restore.Backup) is { } job
                ? RestoreWithoutJaga.Commands(loaded, job, restore, t)
                : [];
            var text = StepWords.Say(runbook, step, plan, R, t);
            if (commands.Count > 0) text += " " + t["procedure.doc.without.jaga"];
            blocks.Add(new DocStep(i + 1, text, commands));
        }
        return blocks;
    }

    /// <summary>The contacts of the plan as a level-2 section.</summary>
    public static IReadOnlyList<DocBlock> Contacts(LoadedPlan loaded, Catalog t)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(t);
        var people = loaded.Plan.Emergency.Contacts;
        string R(string? s) => s is null ? "—" : loaded.Redactor.Redact(s);
        return
        [
            new DocHeading(2, t["procedure.doc.contacts"]),
            people.Count == 0
                ? new DocParagraph(t["procedure.doc.no.contacts"])
                : new DocTable(t.Columns("procedure.doc.contacts.columns"), [.. people.Select(c => (IReadOnlyList<string>)[c.Name, R(c.Role), R(c.Phone), R(c.Email), R(c.Chat)])]),
        ];
    }
}
