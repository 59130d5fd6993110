using Jaga.Core.Emergency;
using Jaga.Core.Interpolation;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Env;

/// <summary>What a plan asks of the environment, read from its text alone: the env files it reads (<c>env_files</c>) and
/// every <c>${VAR}</c> it references, runbook steps' included. It needs no variable to be set, so it can say what is
/// missing where loading the plan would stop at the first unset one.</summary>
/// <param name="EnvFiles">The <c>env_files</c> as written (relative to the plan's folder unless absolute).</param>
/// <param name="References">Every variable reference, in the order written.</param>
/// <param name="Errors">Why the text could not be read as YAML; then the lists are empty.</param>
public sealed record PlanVariables(IReadOnlyList<string> EnvFiles, IReadOnlyList<VariableReference> References, IReadOnlyList<PlanError> Errors)
{
    /// <summary>The plan's <c>language:</c> as written; null when it has none.</summary>
    public string? Language { get; init; }

    /// <summary>Reads <paramref name="text"/>, the plan named <paramref name="file"/>.</summary>
    public static PlanVariables Of(string text, string file)
    {
        var errors = new List<PlanError>();
        var root = YamlReader.Read(text, file, errors);
        if (root is not PMap map) return new PlanVariables([], [], errors);
        var envFiles = map["env_files"] switch
        {
            PList l => l.Items.OfType<PScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
            PScalar { IsNull: false } s => [s.Value],
            _ => [],
        };
        var references = new List<VariableReference>();
        Walk(map, "", references);
        return new PlanVariables(envFiles, references, errors) { Language = (map["language"] as PScalar)?.Value };
    }

    /// <summary>The names referenced without a default, each once, in the order first written.</summary>
    public IReadOnlyList<string> Required =>
        [.. References.Where(r => !r.HasDefault).Select(r => r.Name).Distinct(StringComparer.Ordinal)];

    private static void Walk(PNode node, string path, List<VariableReference> into)
    {
        switch (node)
        {
            case PMap m:
                foreach (var e in m.Entries) Walk(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}", into);
                break;
            case PList l:
                for (var i = 0; i < l.Items.Count; i++) Walk(l.Items[i], $"{path}[{i}]", into);
                break;
            case PScalar s when s.Value.Contains("${", StringComparison.Ordinal):
                if (RunbookTemplates.Deferred(path))
                {
                    // A step's text is filled in when it runs: its parameters and step outputs are not variables.
                    foreach (var r in StepTemplate.Parse(s.Value).References.Where(r => r.Source == TemplateSource.Variable))
                        into.Add(new VariableReference(r.Name, path, s.Mark, r.Fallback is not null));
                }
                else
                {
                    // The interpolator asks for every name it meets; the ones it reports missing had no default.
                    var asked = new List<string>();
                    var result = Interpolator.Expand(s.Value, name =>
                    {
                        asked.Add(name);
                        return null;
                    });
                    var without = result.Missing.Select(m => m.Name).ToList();
                    foreach (var name in asked.Where(n => n.Length > 0))
                    {
                        var required = without.Remove(name);
                        into.Add(new VariableReference(name, path, s.Mark, !required));
                    }
                }
                break;
        }
    }
}
