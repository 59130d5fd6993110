using System.Text.RegularExpressions;
using Jaga.Core.Text;

namespace Jaga.Core.Conditions;

/// <summary>Reads Gatus's condition syntax, <c>&lt;left&gt; &lt;operator&gt; &lt;right&gt;</c>, into a <see cref="Condition"/>,
/// or says what is wrong at which offset.</summary>
internal static partial class ConditionParser
{
    private static readonly (string Symbol, ConditionOperator Operator)[] Operators =
    [
        ("==", ConditionOperator.Equal), ("!=", ConditionOperator.NotEqual), ("<=", ConditionOperator.LessOrEqual),
        (">=", ConditionOperator.GreaterOrEqual), ("<", ConditionOperator.Less), (">", ConditionOperator.Greater),
    ];

    internal static readonly IReadOnlyDictionary<string, Placeholder> Names = new Dictionary<string, Placeholder>(StringComparer.Ordinal)
    {
        ["STATUS"] = Placeholder.Status,
        ["RESPONSE_TIME"] = Placeholder.ResponseTime,
        ["BODY"] = Placeholder.Body,
        ["CONNECTED"] = Placeholder.Connected,
        ["CERTIFICATE_EXPIRATION"] = Placeholder.CertificateExpiration,
        ["RESULT"] = Placeholder.Result,
        ["EXIT_CODE"] = Placeholder.ExitCode,
        ["PERF"] = Placeholder.Perf,
    };

    /// <summary>Named values a probe reports in <see cref="Monitoring.CheckObservation.Values"/> under that name, written as
    /// placeholders of their own (<c>[OVERDUE] == 0</c>, <c>[IP] == 127.0.0.1</c>) and read as the probe's value of that
    /// name, with what kind of value each is. A probe that reports a new value adds its name here and sets it in
    /// <c>Values</c>; nothing else is needed (docs/monitoring.md lists which check fills which).</summary>
    internal static readonly IReadOnlyDictionary<string, NamedValueKind> NamedValues = new Dictionary<string, NamedValueKind>(StringComparer.Ordinal)
    {
        ["PENDING"] = NamedValueKind.Number,
        ["OVERDUE"] = NamedValueKind.Number,
        ["OLDEST"] = NamedValueKind.Duration,
        ["AUDIT_AGE"] = NamedValueKind.Duration,
        ["IP"] = NamedValueKind.Text,
        ["DOMAIN_EXPIRATION"] = NamedValueKind.Duration,
        ["DNS_RCODE"] = NamedValueKind.Text,
    };

    private const string Example = "e.g. \"[STATUS] == 200\"";

    public static Condition? Parse(string text, out ConditionProblem? problem)
    {
        var at = 0;
        var symbol = "";
        var op = ConditionOperator.Equal;
        problem = Balance(text) ?? FindOperator(text, out at, out symbol, out op);
        if (problem is not null) return null;
        var left = Side(text, 0, at, symbol, right: false, out problem);
        if (problem is not null) return null;
        var right = Side(text, at + symbol.Length, text.Length, symbol, right: true, out problem);
        if (problem is not null) return null;
        if (FindOperatorIn(text, at + symbol.Length) is { } second)
        {
            problem = new(second, "a condition compares two values; this is a second operator",
                "write one condition per entry of expect");
            return null;
        }
        if (left is not PlaceholderOperand && right is not PlaceholderOperand)
        {
            var bare = Names.Keys.Concat(NamedValues.Keys).FirstOrDefault(n => string.Equals(n, left!.Text, StringComparison.OrdinalIgnoreCase));
            problem = new(left!.Offset, $"'{left.Text}' is not a placeholder, so this compares two fixed values",
                bare is not null ? $"did you mean [{bare}]?" : $"one side needs a placeholder such as [STATUS] or [BODY].status, {Example}");
            return null;
        }
        if ((right as MatchOperand ?? left as MatchOperand) is { } m && op is not (ConditionOperator.Equal or ConditionOperator.NotEqual))
        {
            problem = new(m.Offset, $"{(m.IsPattern ? "pat" : "any")}() only works with == and !=", $"write e.g. [BODY].status == {m.Text}");
            return null;
        }
        problem = NotAMagnitude(left!, op, right!) ?? NotAMagnitude(right!, op, left!);
        return problem is null ? new Condition(text.Trim(), left!, op, right!) : null;
    }

    public static string Symbol(ConditionOperator op) => Operators.First(o => o.Operator == op).Symbol;

    /// <summary>A placeholder that is always a number (a status, a time, a length) ordered against a fixed value that is no
    /// number, duration or percentage: Gatus would read the value as 0; this says so at load instead.</summary>
    private static ConditionProblem? NotAMagnitude(Operand placeholder, ConditionOperator op, Operand other)
    {
        if (op is ConditionOperator.Equal or ConditionOperator.NotEqual || other is not LiteralOperand literal
            || placeholder is not PlaceholderOperand p || !IsNumeric(p) || Comparison.Magnitude(literal.Text) is not null)
            return null;
        return new(literal.Offset, $"{p.Text} is a number, and '{literal.Text}' is neither a number nor a duration",
            IsDuration(p) ? "compare with milliseconds or a duration, e.g. 500 or 48h" : "compare with a number, e.g. 5");
    }

    private static bool IsNumeric(PlaceholderOperand p) => p.Function == ConditionFunction.Len || p.Placeholder
        is Placeholder.Status or Placeholder.ResponseTime or Placeholder.CertificateExpiration or Placeholder.ExitCode
        || (p.Placeholder == Placeholder.Perf && NamedValues.TryGetValue(p.Path, out var kind) && kind != NamedValueKind.Text);

    private static bool IsDuration(PlaceholderOperand p) => p.Function == ConditionFunction.None && (p.Placeholder
        is Placeholder.ResponseTime or Placeholder.CertificateExpiration
        || (p.Placeholder == Placeholder.Perf && NamedValues.TryGetValue(p.Path, out var kind) && kind == NamedValueKind.Duration));

    private static ConditionProblem? Balance(string text)
    {
        var open = new Stack<(char Char, int At)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++; // an escaped bracket (in a pattern: pat([\]a])) closes nothing
                continue;
            }
            if (c is '[' or '(') open.Push((c, i));
            else if (c is ']' or ')')
            {
                var expected = c == ']' ? '[' : '(';
                if (open.Count == 0)
                    return new(i, $"'{c}' closes nothing", $"remove it or add the '{expected}' it closes");
                var (o, at) = open.Pop();
                if (o != expected)
                    return new(at, $"'{o}' is not closed before '{c}'", $"add '{Closer(o)}'");
            }
        }
        if (open.Count == 0) return null;
        var (last, lastAt) = open.Last();
        return new(lastAt, $"'{last}' is never closed", $"add '{Closer(last)}'");
    }

    private static char Closer(char open) => open == '[' ? ']' : ')';

    private static ConditionProblem? FindOperator(string text, out int at, out string symbol, out ConditionOperator op)
    {
        at = FindOperatorIn(text, 0) ?? -1;
        symbol = "";
        op = default;
        if (at >= 0)
        {
            (symbol, op) = Match(text, at)!.Value;
            return null;
        }
        // Gatus needs spaces around the operator; say so instead of "no operator" when one is there without them.
        for (var i = 0; i < text.Length; i++)
        {
            if (Depth(text, i) > 0) continue;
            if (Match(text, i) is { } tight)
                return new(i, $"'{tight.Symbol}' needs a space on both sides", $"write e.g. [STATUS] {tight.Symbol} 200");
            if (text[i] == '=' && (i + 1 == text.Length || text[i + 1] != '='))
                return new(i, "'=' is not an operator", "compare with == (or !=, <, <=, >, >=)");
        }
        return new(text.TrimEnd().Length, "missing operator", $"write '<placeholder> <operator> <value>' with ==, !=, <, <=, > or >=, {Example}");
    }

    private static int? FindOperatorIn(string text, int from)
    {
        for (var i = Math.Max(from, 1); i < text.Length - 1; i++)
        {
            if (!char.IsWhiteSpace(text[i - 1]) || Depth(text, i) > 0) continue;
            if (Match(text, i) is { } m && i + m.Symbol.Length < text.Length && char.IsWhiteSpace(text[i + m.Symbol.Length])) return i;
        }
        return null;
    }

    private static (string Symbol, ConditionOperator Operator)? Match(string text, int at)
    {
        foreach (var o in Operators)
            if (string.CompareOrdinal(text, at, o.Symbol, 0, o.Symbol.Length) == 0) return o;
        return null;
    }

    private static int Depth(string text, int at)
    {
        var depth = 0;
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] is '[' or '(') depth++;
            else if (text[i] is ']' or ')') depth--;
        }
        return depth;
    }

    private static Operand? Side(string text, int start, int end, string symbol, bool right, out ConditionProblem? problem)
    {
        problem = null;
        var raw = text[start..end];
        var s = raw.Trim();
        var at = start + (raw.Length - raw.TrimStart().Length);
        if (s.Length == 0)
        {
            problem = new(right ? text.TrimEnd().Length : at, right ? $"nothing after '{symbol}'" : $"nothing before '{symbol}'",
                right ? $"write the value to compare with, {Example}" : $"start with a placeholder, {Example}");
            return null;
        }
        if (FunctionCall().Match(s) is { Success: true } call)
            return Function(s, at, call.Groups[1].Value, call.Groups[2].Value, right, out problem);
        if (s.StartsWith('[') && PlaceholderName().Match(s) is { Success: true } name)
            return ReadPlaceholder(s, at, name.Groups[1].Value, s[name.Length..], out problem);
        return new LiteralOperand(s, at);
    }

    private static Operand? Function(string s, int at, string name, string inside, bool right, out ConditionProblem? problem)
    {
        problem = null;
        var innerAt = at + name.Length + 1;
        switch (name.ToLowerInvariant())
        {
            case "len" or "has":
                var inner = inside.Trim();
                innerAt += inside.Length - inside.TrimStart().Length;
                var function = name.Equals("len", StringComparison.OrdinalIgnoreCase) ? ConditionFunction.Len : ConditionFunction.Has;
                if (!inner.StartsWith('[') || PlaceholderName().Match(inner) is not { Success: true } m)
                {
                    problem = new(innerAt, $"{name}() takes a placeholder, not '{inner}'", $"write e.g. {name}([BODY].items)");
                    return null;
                }
                var p = ReadPlaceholder(inner, innerAt, m.Groups[1].Value, inner[m.Length..], out problem, function == ConditionFunction.Has);
                return p is null ? null : p with { Text = s, Offset = at, Function = function };
            case "pat":
                var pattern = inside.Trim();
                var compiled = MatchPattern.TryRead(pattern, out var bad);
                if (compiled is null)
                {
                    problem = new(innerAt + (inside.Length - inside.TrimStart().Length) + bad!.Value.Offset, $"bad pattern: {bad.Value.Message}",
                        "patterns use * (any run), ? (one character), [a-z] or [^a-z] (one character of a class or outside it), \\ before a character to make it plain");
                    return null;
                }
                return new MatchOperand(s, at, true, [pattern]) { Pattern = compiled };
            case "any":
                return new MatchOperand(s, at, false, inside.Split(',').Select(v => v.Trim()).ToList());
            default:
                var near = Similarity.Nearest(name, ["len", "has", "pat", "any"]);
                problem = new(at, $"unknown function {name}()", near is not null ? $"did you mean {near}()?" : "known functions: len(), has(), pat(), any()");
                return null;
        }
    }

    private static PlaceholderOperand? ReadPlaceholder(string s, int at, string name, string rest, out ConditionProblem? problem, bool has = false)
    {
        problem = null;
        var upper = name.ToUpperInvariant();
        if (NamedValues.ContainsKey(upper))
        {
            if (rest.Length == 0) return new PlaceholderOperand(s, at, Placeholder.Perf, upper, ConditionFunction.None);
            problem = new(at + name.Length + 2, $"[{upper}] takes no path, found '{rest}'", $"write [{upper}] alone");
            return null;
        }
        if (!Names.TryGetValue(upper, out var placeholder))
        {
            var near = Similarity.Nearest(upper, Names.Keys.Concat(NamedValues.Keys));
            problem = new(at, $"unknown placeholder [{name}]",
                near is not null ? $"did you mean [{near}]?" : $"known placeholders: {string.Join(", ", Names.Keys.Concat(NamedValues.Keys).Select(k => $"[{k}]"))}");
            return null;
        }
        var restAt = at + name.Length + 2;
        switch (placeholder)
        {
            case Placeholder.Body when rest.Length > 0 && !JsonPathShape().IsMatch(rest):
                // has() of an index that names no item ([-1], [x]) is false, as in Gatus; anywhere else it is a mistake.
                if (has && LooseJsonPathShape().IsMatch(rest)) break;
                if (LooseJsonPathShape().IsMatch(rest) && BadIndex().Match(rest) is { Success: true } index)
                {
                    problem = new(restAt + index.Index, $"'{index.Value}' is not an array index", "indexes count from 0, e.g. [BODY].items[0]; has() of it is false");
                    return null;
                }
                problem = new(restAt, $"'{rest}' is not a JSON path", "write e.g. [BODY].data.status, [BODY][0] or [BODY].items[1].name");
                return null;
            case Placeholder.Perf when !PerfLabel().IsMatch(rest):
                problem = new(restAt, "[PERF] needs the label of a performance value", "write e.g. [PERF].load1");
                return null;
            case not (Placeholder.Body or Placeholder.Perf) when rest.Length > 0:
                problem = new(restAt, $"[{upper}] takes no path, found '{rest}'", $"write [{upper}] alone");
                return null;
        }
        return new PlaceholderOperand(s, at, placeholder, rest.StartsWith('.') ? rest[1..] : rest, ConditionFunction.None);
    }

    [GeneratedRegex(@"^([A-Za-z_]+)\((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"^\[([A-Za-z_]+)\]")]
    private static partial Regex PlaceholderName();

    [GeneratedRegex(@"^(\.[^.\[\]\s]+|\[\d+\])+$")]
    private static partial Regex JsonPathShape();

    [GeneratedRegex(@"^(\.[^.\[\]\s]+|\[[^\[\]]*\])+$")]
    private static partial Regex LooseJsonPathShape();

    [GeneratedRegex(@"\[(?!\d+\])[^\[\]]*\]")]
    private static partial Regex BadIndex();

    [GeneratedRegex(@"^\.\S+$")]
    private static partial Regex PerfLabel();
}
