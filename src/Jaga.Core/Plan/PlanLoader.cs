using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Redaction;
using Jaga.Core.Text;

namespace Jaga.Core.Plan;

/// <summary>What the loader may read: environment variables and files (env files), both given as functions so the loader stays pure.
/// <paramref name="ReadFile"/> returns null for a missing file and may throw <see cref="Errors.UserException"/> for one that
/// cannot be read (a folder, a FIFO, too large): that becomes an error at the plan's entry naming the file.</summary>
public sealed record PlanWorld(Func<string, string?> Variable, Func<string, string?> ReadFile)
{
    /// <summary>Whether a path is an existing folder (a <c>state:</c> that names one is refused); by default nothing is.</summary>
    public Func<string, bool> IsFolder { get; init; } = _ => false;
}

public sealed record PlanLoadResult(LoadedPlan? Plan, IReadOnlyList<PlanError> Errors)
{
    public bool Ok => Plan is not null && Errors.Count == 0;

    /// <summary>The plan's <c>language:</c> as written, also when the plan is invalid: its errors are shown in it.</summary>
    public string? Language { get; init; }
}

/// <summary>Text in, plan or every error out: YAML, env files, <c>${VAR}</c>, shapes, cross references, binding.</summary>
public static class PlanLoader
{
    /// <param name="text">The plan's text.</param>
    /// <param name="file">The plan's path as the user gave it (shown in errors).</param>
    /// <param name="directory">The plan's folder: relative paths in the plan are read from here.</param>
    /// <param name="world">Environment variables and file reading.</param>
    public static PlanLoadResult Load(string text, string file, string directory, PlanWorld world)
    {
        var errors = new List<PlanError>();
        if (PlanLimits.Check(text, file) is { } tooDeep) return new PlanLoadResult(null, [tooDeep]);
        var root = YamlReader.Read(text, file, errors);
        if (root is null)
        {
            if (errors.Count == 0) errors.Add(PlanError.Of(file, new Mark(1, 1), new Phrase("plan.error.empty"), new Phrase("plan.hint.empty")));
            return new PlanLoadResult(null, errors);
        }
        if (root is not PMap map)
        {
            errors.Add(PlanError.Of(file, root.Mark, new Phrase("plan.error.root"), new Phrase("plan.hint.root")));
            return new PlanLoadResult(null, errors);
        }

        var language = (map["language"] as PScalar)?.Value;
        var envValues = LoadEnvFiles(map, file, directory, world, errors);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        VariableLookup lookup = name =>
        {
            var fromProcess = world.Variable(name);
            if (fromProcess is not null) return new VariableValue(fromProcess, LooksSecret(name));
            return envValues.TryGetValue(name, out var v) ? new VariableValue(v, true) : null;
        };
        if (PlanLimits.CountNodes(map, PlanLimits.MaxNodes) > PlanLimits.MaxNodes)
        {
            var tooMany = PlanError.Of(file, map.Mark, new Phrase("plan.error.limit.nodes", [PlanLimits.MaxNodes]), new Phrase("plan.hint.limit.nodes"));
            return new PlanLoadResult(null, [tooMany]) { Language = language };
        }
        var expanded = (PMap)Expand(map, "", lookup, file, errors, secrets);

        // Any whole number, also one too large for an int: 2147483648 is a version this Jaga does not read, not "not a number".
        if (expanded["version"] is PScalar version && version.Value != "1" && version.Value.Length <= 24 && long.TryParse(version.Value, out _))
            errors.Add(PlanError.Of(file, version.Mark, new Phrase("plan.error.version", [version.Value]), new Phrase("plan.hint.version")));
        new ShapeValidator(file, errors, secrets).Validate(expanded, PlanSchema.Root, "");
        CheckState(expanded, file, directory, world, errors);
        PlanReferences.Check(expanded, file, errors);
        PlanBackupRules.Check(expanded, file, errors);
        PlanCheckRules.Check(expanded, file, errors);
        RunbookRules.Check(expanded, file, lookup, errors);
        if (errors.Count > 0)
        {
            // A bad value is quoted back in its error: never a secret, even when the plan is invalid.
            var redactor = new Redactor(secrets.Concat(envValues.Values));
            // Redacted first, then shortened: a long value is cut only after any secret in it is masked whole.
            string Shown(string s) => QuotedValue.ShortenIn(redactor.Redact(s));
            var shown = errors.Select(e => e with
            {
                Message = Shown(e.Message),
                Hint = e.Hint is null ? null : Shown(e.Hint),
                Shown = Shown,
            }).ToList();
            return new PlanLoadResult(null, Sorted(shown, file)) { Language = language };
        }

        foreach (var v in envValues.Values) secrets.Add(v);
        var plan = PlanBinder.Bind<MaintenancePlan>(expanded, PlanSchema.Root);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new PlanLoadResult(new LoadedPlan(plan, new Redactor(secrets), file, directory, hash)
        {
            Variable = name => lookup(name)?.Value,
            Lookup = lookup,
            Warnings = PlanWarnings.Of(expanded, plan, file),
        }, []);
    }

    /// <summary><c>state</c> is a SQLite path, <c>sqlite:path</c>, or a PostgreSQL URL; anything else with a scheme is a mistake.</summary>
    private static void CheckState(PMap root, string file, string directory, PlanWorld world, List<PlanError> errors)
    {
        if (root["state"] is not PScalar { IsNull: false, Unresolved: false } state) return;
        var hint = new Phrase("plan.hint.state");
        var scheme = Values.PlanUrl.Scheme(state.Value);
        if (scheme.Length <= 1 || scheme == "sqlite")
        {
            // A plain path, a Windows drive letter, or sqlite:path: the SQLite file, made on first use (its folder too).
            var path = scheme == "sqlite" ? state.Value["sqlite:".Length..].Trim() : state.Value.Trim();
            if (path.Length == 0)
                errors.Add(PlanError.Of(file, state.Mark, new Phrase("plan.error.at", ["state", new Phrase("plan.error.path.empty")]), new Phrase("plan.hint.state.empty")));
            else if (!path.Contains('\0', StringComparison.Ordinal) && world.IsFolder(Path.IsPathRooted(path) ? path : Path.Combine(directory, path)))
                errors.Add(PlanError.Of(file, state.Mark, new Phrase("plan.error.at", ["state", new Phrase("plan.error.state.folder", [path])]),
                    new Phrase("plan.hint.state.folder", [Path.Combine(path, "state.db")])));
            return;
        }
        var problem = scheme is "postgres" or "postgresql"
            ? Values.PlanUrl.Check(state.Value, ["postgres", "postgresql"])
            : new Phrase("plan.error.state.scheme", [Redactor.None.Redact(state.Value)]);
        if (problem is not null)
            errors.Add(PlanError.Of(file, state.Mark, new Phrase("plan.error.at", ["state", problem]), hint));
    }

    /// <summary>Names of variables whose values are treated as secrets even when they come from the process environment.</summary>
    public static bool LooksSecret(string name)
    {
        var n = name.ToUpperInvariant();
        return n.Contains("PASS", StringComparison.Ordinal) || n.Contains("SECRET", StringComparison.Ordinal)
            || n.Contains("TOKEN", StringComparison.Ordinal) || n.Contains("KEY", StringComparison.Ordinal)
            || n.Contains("PRIVATE", StringComparison.Ordinal) || n.Contains("CREDENTIAL", StringComparison.Ordinal)
            || n.Contains("WEBHOOK", StringComparison.Ordinal) || n.EndsWith("_URL", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> LoadEnvFiles(PMap map, string file, string directory, PlanWorld world, List<PlanError> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = map["env_files"] switch
        {
            PList l => l.Items.OfType<PScalar>(),
            PScalar { IsNull: false } s => [s],
            _ => [],
        };
        foreach (var item in list)
        {
            var path = Path.IsPathRooted(item.Value) ? item.Value : Path.Combine(directory, item.Value);
            string? content;
            try
            {
                content = world.ReadFile(path);
            }
            catch (Errors.UserException e)
            {
                errors.Add(new PlanError(file, item.Mark, $"env_files: {e.Message}", e.Hint ?? "fix the file, or remove it from env_files"));
                continue;
            }
            if (content is null)
            {
                errors.Add(PlanError.Of(file, item.Mark, new Phrase("plan.error.at", ["env_files", new Phrase("plan.error.env.missing", [item.Value])]),
                    new Phrase("plan.hint.env.missing")));
                continue;
            }
            var env = EnvFile.Parse(content, item.Value);
            foreach (var e in env.Errors)
                errors.Add(new PlanError(item.Value, new Mark(e.Line, e.Column), e.Message, "fix this line of the env file"));
            // Later files override earlier ones, as with docker compose's env_file list.
            foreach (var (k, v) in env.Values) values[k] = v;
        }
        return values;
    }

    /// <summary>What the interpolator found missing, as a catalog phrase (its own text where it is none of the known three).</summary>
    private static Phrase MissingProblem(Interpolator.Missing missing) => missing.Problem switch
    {
        var p when p == $"variable {missing.Name} is not set" => new Phrase("plan.error.variable", [missing.Name]),
        "'${' is not closed with '}'" => new Phrase("plan.error.unclosed", ["${", "}"]),
        "empty variable name in '${}'" => new Phrase("plan.error.variable.empty", ["${}"]),
        var p => new Phrase("plan.error.text", [p]),
    };

    private static PNode Expand(PNode node, string path, VariableLookup lookup, string file, List<PlanError> errors, HashSet<string> secrets)
    {
        switch (node)
        {
            case PMap m:
                return m with { Entries = m.Entries.Select(e => e with { Value = Expand(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}", lookup, file, errors, secrets) }).ToList() };
            case PList l:
                return l with { Items = l.Items.Select((item, i) => Expand(item, $"{path}[{i}]", lookup, file, errors, secrets)).ToList() };
            case PScalar s when s.Value.Contains("${", StringComparison.Ordinal) && RunbookTemplates.Deferred(path):
                // A runbook step's text keeps its references: parameters, earlier steps' outputs and variables are filled in
                // when the step runs (Emergency/StepTemplate.cs), so no secret is copied into the plan or a run's record.
                // RunbookRules checks them; the shape checks leave the unfilled text alone.
                return s with { Unresolved = true };
            case PScalar s when s.Value.Contains("${", StringComparison.Ordinal):
                var r = Interpolator.Expand(s.Value, lookup);
                foreach (var missing in r.Missing)
                {
                    // Only a value written on one line maps offsets to columns; a block or a folded value points at its start.
                    var singleLine = s.OneLine && !s.Value.AsSpan(0, missing.Offset).Contains('\n');
                    var at = singleLine ? new Mark(s.Mark.Line, s.Mark.Column + missing.Offset + (s.Quoted ? 1 : 0)) : s.Mark;
                    var problem = MissingProblem(missing);
                    errors.Add(PlanError.Of(file, at, path.Length == 0 ? problem : new Phrase("plan.error.at", [path, problem]),
                        missing.Problem.StartsWith("variable", StringComparison.Ordinal)
                            ? new Phrase("plan.hint.variable", [missing.Name, $"${{{missing.Name}:-default}}"])
                            : new Phrase("plan.hint.variable.syntax", ["${NAME}"])));
                }
                foreach (var v in r.SecretValues) secrets.Add(v);
                return s with { Value = r.Value, Raw = s.Value, Secret = r.Secret, Unresolved = r.Missing.Count > 0 };
            default:
                return node;
        }
    }

    /// <summary>The plan's own errors first, in position order, then each env file's.</summary>
    private static List<PlanError> Sorted(List<PlanError> errors, string file) =>
        errors.OrderBy(e => e.File == file ? 0 : 1).ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.At.Line).ThenBy(e => e.At.Column).Distinct().ToList();
}
