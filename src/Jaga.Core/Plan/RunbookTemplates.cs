using Jaga.Core.Emergency;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Text;

namespace Jaga.Core.Plan;

/// <summary>Checks the <c>${…}</c> in a runbook's steps, kept as written by the loader (<see cref="StepTemplate"/>): each
/// reads, names a declared parameter, a step before this one, or a variable that is set (or has a default), and stands
/// in a text field, where it can be filled in when the step runs.</summary>
internal static class RunbookTemplates
{
    /// <summary>The paths whose text the loader keeps as written: everything under a runbook's steps.</summary>
    public static bool Deferred(string path) =>
        path.StartsWith("emergency.runbooks[", StringComparison.Ordinal) && path.Contains("].steps", StringComparison.Ordinal);

    public static void Check(PMap step, int index, string path, IReadOnlyList<string> parameters, IReadOnlyList<string> stepNames, VariableLookup lookup,
        string file, List<PlanError> errors)
    {
        PlanReferences.Walk(step, RunbookSchema.Step, path, (node, shape, at) =>
        {
            if (shape is not ScalarShape scalarShape || node is not PScalar { Raw: var raw } scalar || !raw.Contains("${", StringComparison.Ordinal)) return;
            if (scalarShape.RefersTo is not null || scalarShape.Kind is not (ScalarKind.String or ScalarKind.Url or ScalarKind.Path or ScalarKind.Condition))
            {
                errors.Add(PlanError.Of(file, scalar.Mark, new Phrase("plan.error.at", [at, new Phrase("plan.error.template.text", [raw.Trim(), "${…}"])]),
                    new Phrase("plan.hint.template.text")));
                return;
            }
            var template = StepTemplate.Parse(raw);
            foreach (var problem in template.Problems)
                errors.Add(PlanError.Of(file, MarkAt(scalar, problem.Offset), new Phrase("plan.error.at", [at, problem.Message]), problem.Hint));
            foreach (var r in template.References)
            {
                if (Problem(r, index, parameters, stepNames, lookup) is not { } p) continue;
                errors.Add(PlanError.Of(file, MarkAt(scalar, r.Offset), new Phrase("plan.error.at", [at, p.Message]), p.Hint));
            }
        });
    }

    private static (Phrase Message, Phrase Hint)? Problem(TemplateReference r, int index, IReadOnlyList<string> parameters, IReadOnlyList<string> stepNames, VariableLookup lookup)
    {
        switch (r.Source)
        {
            case TemplateSource.Param:
                if (parameters.Contains(r.Name)) return null;
                return (new Phrase("plan.error.template.param", [r.Name]), Near(r.Name, parameters) ??
                    (parameters.Count == 0 ? new Phrase("plan.hint.template.no.params", [$"params: [{{ name: {r.Name} }}]"]) : new Phrase("plan.hint.known", [new Phrase("plan.kind.params"), string.Join(", ", parameters)])));
            case TemplateSource.StepOutput or TemplateSource.StepExitCode:
                var at = IndexOf(stepNames, r.Name);
                var earlier = stepNames.Take(index).ToList();
                if (at >= 0 && at < index) return null;
                if (at == index) return (new Phrase("plan.error.template.self", [r.Name]), new Phrase("plan.hint.template.earlier"));
                if (at > index) return (new Phrase("plan.error.template.later", [r.Name, at + 1, index + 1]), new Phrase("plan.hint.template.earlier"));
                return (new Phrase("plan.error.template.step", [r.Name]), Near(r.Name, earlier) ??
                    (earlier.Count == 0 ? new Phrase("plan.hint.template.first") : new Phrase("plan.hint.known", [new Phrase("plan.kind.steps"), string.Join(", ", earlier)])));
            default:
                if (r.Fallback is not null || lookup(r.Name) is not null) return null;
                return (new Phrase("plan.error.variable", [r.Name]), new Phrase("plan.hint.variable", [r.Name, $"${{{r.Name}:-default}}"]));
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return -1;
    }

    private static Phrase? Near(string name, IReadOnlyList<string> known) =>
        Similarity.Nearest(name, known) is { } near ? new Phrase("plan.hint.did.you.mean", [near]) : null;

    /// <summary>The position of an offset in a scalar: only a value written on one line, unchanged, maps offsets to columns.</summary>
    private static Mark MarkAt(PScalar s, int offset)
    {
        var singleLine = s.OneLine && !s.Raw.AsSpan(0, Math.Min(offset, s.Raw.Length)).Contains('\n') && !s.Raw.AsSpan(0, Math.Min(offset, s.Raw.Length)).ContainsAny("\\'\"");
        return singleLine ? s.Mark with { Column = s.Mark.Column + offset + (s.Quoted ? 1 : 0) } : s.Mark;
    }
}
