using Jaga.Core.Emergency;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Text;

namespace Jaga.Core.Plan;

/// <summary>Checks of <c>emergency:</c> that the shape cannot express: parameter names, defaults and allowed values; step
/// names; the templates in steps (<see cref="RunbookTemplates"/>); <c>on_failure: runbook NAME</c> naming a runbook
/// and never going round; a trigger's <c>failing_for</c> and <c>heartbeat</c>; a contact a <c>notify</c> step can reach.</summary>
public static class RunbookRules
{
    public static void Check(PMap root, string file, VariableLookup lookup, List<PlanError> errors)
    {
        if (root["emergency"] is not PMap emergency || emergency["runbooks"] is not PList runbooks) return;
        var names = runbooks.Items.OfType<PMap>().Select(r => (r["name"] as PScalar)?.Value).OfType<string>().ToList();
        var edges = new Dictionary<string, List<(PScalar Target, string Path)>>(StringComparer.Ordinal);
        for (var i = 0; i < runbooks.Items.Count; i++)
        {
            if (runbooks.Items[i] is not PMap rb) continue;
            var path = $"emergency.runbooks[{i}]";
            var parameters = Params(rb, path, file, errors);
            CheckTrigger(root, rb, path, file, errors);
            TriggeredParams(rb, path, file, errors);
            if (rb["steps"] is not PList steps) continue;
            var stepNames = StepNames(steps, path, file, errors);
            var failures = new List<(PScalar, string)>();
            for (var j = 0; j < steps.Items.Count; j++)
            {
                if (steps.Items[j] is not PMap step) continue;
                var at = $"{path}.steps[{j}]";
                RunbookTemplates.Check(step, j, at, parameters, stepNames, lookup, file, errors);
                if (step["run"] is PMap run && run.Entry("timeout") is { } inner && step["timeout"] is not null)
                    errors.Add(PlanError.Of(file, inner.KeyMark, new Phrase("plan.error.at", [$"{at}.run", new Phrase("plan.error.timeout.twice")]), new Phrase("plan.hint.timeout.twice")));
                if (step["on_failure"] is PScalar onFailure && StepFailure.TryParse(onFailure.Value, out var failure) && failure.Runbook is { } target)
                {
                    if (names.Contains(target)) failures.Add((onFailure, $"{at}.on_failure"));
                    else errors.Add(UnknownRunbook(onFailure, target, names, $"{at}.on_failure", file));
                }
                if (step["notify"] is PMap notify && notify["contact"] is PScalar contact) CheckContact(root, emergency, contact, $"{at}.notify.contact", file, errors);
            }
            if (rb["name"] is PScalar name) edges.TryAdd(name.Value, failures);
        }
        FailureCycles(edges, file, errors);
    }

    /// <summary>The declared parameter names; duplicates, and defaults or allowed values that are not of the type, are errors.</summary>
    private static List<string> Params(PMap rb, string path, string file, List<PlanError> errors)
    {
        var names = new List<string>();
        if (rb["params"] is not PList list) return names;
        for (var k = 0; k < list.Items.Count; k++)
        {
            if (list.Items[k] is not PMap p || p["name"] is not PScalar name) continue;
            var at = $"{path}.params[{k}]";
            if (names.Contains(name.Value))
                errors.Add(PlanError.Of(file, name.Mark, new Phrase("plan.error.at", [$"{at}.name", new Phrase("plan.error.name.used", [name.Value])]), new Phrase("plan.hint.name.used")));
            names.Add(name.Value);
            var typeWord = (p["type"] as PScalar)?.Value ?? "string";
            if (!Enum.TryParse<ParamType>(typeWord, ignoreCase: true, out var type) || typeWord != RunbookParameters.TypeWord(type)) continue;
            var allowed = p["allowed"] switch
            {
                PList l => l.Items.OfType<PScalar>().ToList(),
                PScalar { IsNull: false } one => [one],
                _ => [],
            };
            var typed = new RunbookParam(name.Value, type, null, [], null);
            foreach (var a in allowed)
                if (RunbookParameters.Problem(typed, a.Value) is { } bad)
                    errors.Add(PlanError.Of(file, a.Mark, new Phrase("plan.error.at", [$"{at}.allowed", bad.Message]), bad.Hint));
            if (p["default"] is PScalar { IsNull: false } def
                && RunbookParameters.Problem(typed with { Allowed = [.. allowed.Select(a => a.Value.Trim())] }, def.Value) is { } problem)
                errors.Add(PlanError.Of(file, def.Mark, new Phrase("plan.error.at", [$"{at}.default", problem.Message]), problem.Hint));
        }
        return names;
    }

    /// <summary>Each step's name, given or by default (<see cref="RunbookStep.DefaultName"/>); a name used twice is an error.</summary>
    private static List<string> StepNames(PList steps, string path, string file, List<PlanError> errors)
    {
        var names = new List<string>();
        for (var j = 0; j < steps.Items.Count; j++)
        {
            var step = steps.Items[j] as PMap;
            var kind = step?.Entries.Select(e => e.Key).FirstOrDefault(k => RunbookSchema.Step.OneOf.Contains(k)) ?? "step";
            var given = step?["name"] as PScalar;
            var name = given?.Value ?? RunbookStep.DefaultName(kind, j);
            if (names.Contains(name))
                errors.Add(PlanError.Of(file, given?.Mark ?? steps.Items[j].Mark, new Phrase("plan.error.at", [$"{path}.steps[{j}].name", new Phrase("plan.error.name.used", [name])]),
                    new Phrase("plan.hint.step.name")));
            names.Add(name);
        }
        return names;
    }

    private static void CheckTrigger(PMap root, PMap rb, string path, string file, List<PlanError> errors)
    {
        var entry = rb.Entry("trigger") ?? rb.Entry("on");
        if (entry?.Value is not PMap trigger) return;
        var at = $"{path}.trigger";
        if (trigger.Entry("failing_for") is { } failingFor && trigger["check"] is null && (trigger["backup"] is not null || trigger["heartbeat"] is not null))
            errors.Add(PlanError.Of(file, failingFor.KeyMark, new Phrase("plan.error.at", [at, new Phrase("plan.error.failing.for")]), new Phrase("plan.hint.failing.for")));
        if (trigger["heartbeat"] is not PScalar heartbeat) return;
        var check = (root["monitoring"] as PMap)?["checks"] is PList checks
            ? checks.Items.OfType<PMap>().FirstOrDefault(c => (c["name"] as PScalar)?.Value == heartbeat.Value)
            : null;
        if (check is not null && check["heartbeat"] is null)
            errors.Add(PlanError.Of(file, heartbeat.Mark, new Phrase("plan.error.at", [$"{at}.heartbeat", new Phrase("plan.error.trigger.heartbeat", [heartbeat.Value])]),
                new Phrase("plan.hint.trigger.heartbeat", ["trigger: { check: NAME }"])));
    }

    /// <summary>A trigger starts its runbook without values: each parameter of a triggered runbook needs a default, or the
    /// run would start with a step that cannot be filled in.</summary>
    private static void TriggeredParams(PMap rb, string path, string file, List<PlanError> errors)
    {
        if ((rb.Entry("trigger") ?? rb.Entry("on"))?.Value is not PMap || rb["params"] is not PList list) return;
        for (var k = 0; k < list.Items.Count; k++)
        {
            if (list.Items[k] is not PMap p || p["name"] is not PScalar name || p["default"] is PScalar { IsNull: false }) continue;
            errors.Add(PlanError.Of(file, name.Mark, new Phrase("plan.error.at", [$"{path}.params[{k}]", new Phrase("plan.error.trigger.param", [name.Value])]),
                new Phrase("plan.hint.trigger.param")));
        }
    }

    /// <summary>A contact a <c>notify</c> step names must have an e-mail, and the plan a channel with <c>email</c>: the
    /// contact is reached through that channel's SMTP server (the first such channel).</summary>
    private static void CheckContact(PMap root, PMap emergency, PScalar contact, string path, string file, List<PlanError> errors)
    {
        var found = emergency["contacts"] is PList contacts
            ? contacts.Items.OfType<PMap>().FirstOrDefault(c => (c["name"] as PScalar)?.Value == contact.Value)
            : null;
        if (found is null) return;
        if (found["email"] is not PScalar { IsNull: false })
            errors.Add(PlanError.Of(file, contact.Mark, new Phrase("plan.error.at", [path, new Phrase("plan.error.contact.email", [contact.Value])]), new Phrase("plan.hint.contact.email")));
        else if (root["notify"] is not PMap channels || !channels.Entries.Any(e => e.Value is PMap c && c["email"] is PScalar { IsNull: false }))
            errors.Add(PlanError.Of(file, contact.Mark, new Phrase("plan.error.at", [path, new Phrase("plan.error.contact.smtp", [contact.Value])]), new Phrase("plan.hint.contact.smtp")));
    }

    private static PlanError UnknownRunbook(PScalar at, string target, List<string> known, string path, string file)
    {
        var near = Similarity.Nearest(target, known);
        var hint = near is not null ? new Phrase("plan.hint.did.you.mean", [near]) : new Phrase("plan.hint.known", [new Phrase("plan.kind.runbooks"), string.Join(", ", known)]);
        return PlanError.Of(file, at.Mark, new Phrase("plan.error.at", [path, new Phrase("plan.error.unknown.ref", [new Phrase("plan.kind.runbook"), target])]), hint);
    }

    /// <summary>A runbook that starts itself on failure, directly or through others, would never end: each cycle is reported
    /// once, at the <c>on_failure</c> that closes it.</summary>
    private static void FailureCycles(Dictionary<string, List<(PScalar Target, string Path)>> edges, string file, List<PlanError> errors)
    {
        var visiting = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys) Visit(start);

        void Visit(string name)
        {
            if (done.Contains(name) || !edges.TryGetValue(name, out var targets)) return;
            visiting.Add(name);
            foreach (var (target, path) in targets)
            {
                if (!StepFailure.TryParse(target.Value, out var failure) || failure.Runbook is not { } next) continue;
                var at = visiting.IndexOf(next);
                if (at < 0)
                {
                    Visit(next);
                    continue;
                }
                var message = next == name
                    ? new Phrase("plan.error.on.failure.self", [name])
                    : new Phrase("plan.error.on.failure.cycle", [string.Join(" → ", visiting.Skip(at).Append(next))]);
                errors.Add(PlanError.Of(file, target.Mark, new Phrase("plan.error.at", [path, message]), new Phrase("plan.hint.on.failure.cycle")));
            }
            visiting.RemoveAt(visiting.Count - 1);
            done.Add(name);
        }
    }
}
