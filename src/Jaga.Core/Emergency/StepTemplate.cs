using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;

namespace Jaga.Core.Emergency;

/// <summary>A runbook step's text with its <c>${…}</c> references: <c>${params.NAME}</c>, <c>${steps.NAME.output}</c>,
/// <c>${steps.NAME.exit_code}</c> and the environment's <c>${VAR}</c> / <c>${VAR:-default}</c>; <c>$${</c> is a literal
/// <c>${</c>, as in the rest of the plan.</summary>
/// <remarks>The plan keeps a step's text as written; the plan loader validates it (<see cref="Plan.RunbookRules"/>) and the
/// executor fills it in with <see cref="Resolve(string, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, StepOutput}, VariableLookup, Func{string, string}?)"/>
/// just before the step runs, so no value, and no secret above all, is copied into the plan's records or a run's.</remarks>
public sealed class StepTemplate
{
    private readonly List<object> parts = [];
    private readonly List<TemplateProblem> problems = [];

    private StepTemplate(string text) => Text = text;

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>Every reference, in order.</summary>
    public IEnumerable<TemplateReference> References => parts.OfType<TemplateReference>();

    /// <summary>What could not be read; empty for a valid text.</summary>
    public IReadOnlyList<TemplateProblem> Problems => problems;

    /// <summary>Reads <paramref name="text"/>; never throws, problems are in <see cref="Problems"/>.</summary>
    public static StepTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = new StepTemplate(text);
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                literal.Append('$');
                i++;
                continue;
            }
            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                literal.Append(text[i]);
                continue;
            }
            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                t.problems.Add(new TemplateProblem(i, new Phrase("plan.error.unclosed", ["${", "}"]), Hint));
                literal.Append(text[i..]);
                break;
            }
            if (literal.Length > 0) t.parts.Add(literal.ToString());
            literal.Clear();
            t.Read(text[(i + 2)..close], i, close - i + 1);
            i = close;
        }
        if (literal.Length > 0) t.parts.Add(literal.ToString());
        return t;
    }

    private void Read(string body, int offset, int length)
    {
        TemplateReference? reference = null;
        if (body.StartsWith("params.", StringComparison.Ordinal))
        {
            var name = body["params.".Length..];
            if (IsName(name)) reference = new TemplateReference(TemplateSource.Param, name, null, offset, length);
        }
        else if (body.StartsWith("steps.", StringComparison.Ordinal))
        {
            var rest = body["steps.".Length..];
            var dot = rest.LastIndexOf('.');
            var (name, field) = dot < 0 ? (rest, "") : (rest[..dot], rest[(dot + 1)..]);
            if (IsName(name) && field is "output" or "exit_code")
                reference = new TemplateReference(field == "output" ? TemplateSource.StepOutput : TemplateSource.StepExitCode, name, null, offset, length);
        }
        else if (body is not ("params" or "steps"))
        {
            var sep = body.IndexOf(":-", StringComparison.Ordinal);
            var name = sep >= 0 ? body[..sep] : body;
            if (name.Length > 0) reference = new TemplateReference(TemplateSource.Variable, name, sep >= 0 ? body[(sep + 2)..] : null, offset, length);
        }
        if (reference is not null)
        {
            parts.Add(reference);
            return;
        }
        problems.Add(new TemplateProblem(offset, new Phrase("plan.error.template", [$"${{{body}}}"]), Hint));
        parts.Add($"${{{body}}}");
    }

    private static Phrase Hint => new("plan.hint.template", ["${params.NAME}, ${steps.NAME.output}, ${steps.NAME.exit_code}", "${VAR}", "$${", "${"]);

    private static bool IsName(string s) =>
        s.Length > 0 && char.IsAsciiLetterOrDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Fills in <paramref name="text"/> for a step about to run: <paramref name="parameters"/> are the run's
    /// checked parameter values (<see cref="RunbookParameters.Check"/>), <paramref name="steps"/> the outputs of the steps
    /// that ran, by step name, and <paramref name="variables"/> the plan's variable lookup (<c>LoadedPlan.Lookup</c>).
    /// <paramref name="quote"/>, when given, is applied to each parameter and step value (not to variables, which keep
    /// today's meaning): pass <see cref="ShellQuote"/> for a shell command line, so a value is one word, never code.</summary>
    /// <exception cref="UserException">A variable is not set and has no default.</exception>
    /// <exception cref="ArgumentException">A parameter or step the caller did not give; the plan was validated, so this is
    /// a bug of the caller.</exception>
    public static ResolvedText Resolve(
        string text, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, StepOutput> steps, VariableLookup variables,
        Func<string, string>? quote = null) => Parse(text).Resolve(parameters, steps, variables, quote);

    /// <inheritdoc cref="Resolve(string, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, StepOutput}, VariableLookup, Func{string, string}?)"/>
    public ResolvedText Resolve(
        IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, StepOutput> steps, VariableLookup variables, Func<string, string>? quote = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(variables);
        if (problems.Count > 0) throw new ArgumentException($"the template '{Text}' is not valid: validate the plan first", nameof(parameters));
        quote ??= v => v;
        var sb = new StringBuilder(Text.Length);
        var secrets = new List<string>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case string literal:
                    sb.Append(literal);
                    break;
                case TemplateReference { Source: TemplateSource.Param } r:
                    sb.Append(quote(parameters.TryGetValue(r.Name, out var p) ? p : throw new ArgumentException($"no value for parameter '{r.Name}'", nameof(parameters))));
                    break;
                case TemplateReference { Source: TemplateSource.StepOutput or TemplateSource.StepExitCode } r:
                    var output = steps.TryGetValue(r.Name, out var o) ? o : throw new ArgumentException($"no output of step '{r.Name}'", nameof(steps));
                    sb.Append(quote(r.Source == TemplateSource.StepOutput ? output.Output : output.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
                case TemplateReference r:
                    var found = variables(r.Name);
                    if (found is { } v)
                    {
                        sb.Append(v.Value);
                        if (v.Secret && v.Value.Length > 0) secrets.Add(v.Value);
                    }
                    else
                    {
                        sb.Append(r.Fallback ?? throw new UserException(
                            Catalog.English.Format("plan.error.variable", r.Name), Catalog.English.Format("plan.hint.variable", r.Name, $"${{{r.Name}:-default}}")));
                    }
                    break;
            }
        }
        return new ResolvedText(sb.ToString(), secrets);
    }

    /// <summary>A value as one word of a POSIX shell command line: in single quotes, a quote written as <c>'\''</c>.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
