using System.Globalization;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Text;

namespace Jaga.Core.Emergency;

/// <summary>Parameter values given for a run (<c>--param name=value</c>) checked against the runbook's declarations: known
/// names, every required one present, each value of its type and among the allowed ones. Pure: it only reads its
/// arguments.</summary>
public static class RunbookParameters
{
    /// <summary>Reads <c>name=value</c> pairs; the value may be empty and may contain '='.</summary>
    /// <exception cref="UserException">A pair without '=' or a name given twice, in <paramref name="words"/>' language.</exception>
    public static IReadOnlyDictionary<string, string> ParsePairs(IEnumerable<string> pairs, Catalog words)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UserException(words.Format("param.pair", pair), words["param.pair.hint"]);
            var name = pair[..eq].Trim();
            if (!values.TryAdd(name, pair[(eq + 1)..])) throw new UserException(words.Format("param.twice", name), words["param.twice.hint"]);
        }
        return values;
    }

    /// <summary>Checks <paramref name="given"/> against <paramref name="runbook"/>'s parameters and fills in defaults.</summary>
    public static ParameterCheck Check(Runbook runbook, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(given);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<(Phrase, Phrase)>();
        var declared = runbook.Params.Select(p => p.Name).ToList();
        foreach (var name in given.Keys.Where(n => !declared.Contains(n)))
        {
            var near = Similarity.Nearest(name, declared);
            problems.Add((new Phrase("param.unknown", [name, runbook.Name]),
                near is not null ? new Phrase("plan.hint.did.you.mean", [near])
                : declared.Count == 0 ? new Phrase("param.none", [runbook.Name]) : new Phrase("param.known", [string.Join(", ", declared)])));
        }
        foreach (var p in runbook.Params)
        {
            if (!given.TryGetValue(p.Name, out var value))
            {
                if (p.Default is null)
                    problems.Add((new Phrase("param.missing", [p.Name]), new Phrase("param.missing.hint", [p.Name, Example(p)])));
                else
                    values[p.Name] = p.Default;
                continue;
            }
            if (Problem(p, value) is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            values[p.Name] = value.Trim();
        }
        return new ParameterCheck(values, problems);
    }

    /// <summary>Checks and throws the first problems as one <see cref="UserException"/>, in <paramref name="words"/>' language.</summary>
    public static IReadOnlyDictionary<string, string> Require(Runbook runbook, IReadOnlyDictionary<string, string> given, Catalog words)
    {
        var check = Check(runbook, given);
        if (check.Ok) return check.Values;
        var message = string.Join("; ", check.Problems.Select(p => words.Format(p.Message.Key, [.. p.Message.Args])));
        var hint = string.Join("; ", check.Problems.Select(p => words.Format(p.Hint.Key, [.. p.Hint.Args])).Distinct());
        throw new UserException(message, hint);
    }

    /// <summary>Why <paramref name="value"/> is not a value of <paramref name="p"/>, or null: the plan's validation of
    /// defaults and allowed values uses it too.</summary>
    public static (Phrase Message, Phrase Hint)? Problem(RunbookParam p, string value)
    {
        ArgumentNullException.ThrowIfNull(p);
        var v = value.Trim();
        var typeOk = p.Type switch
        {
            ParamType.Int => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ParamType.Bool => v is "true" or "false",
            ParamType.Duration => DurationValue.TryParse(v, out _),
            ParamType.String => true,
        };
        if (!typeOk) return (new Phrase("param.type", [p.Name, v, new Phrase("param.kind." + TypeWord(p.Type))]), new Phrase("param.type.hint." + TypeWord(p.Type)));
        if (p.Allowed.Count > 0 && !p.Allowed.Contains(v))
        {
            var near = Similarity.Nearest(v, p.Allowed);
            return (new Phrase("param.allowed", [p.Name, v, string.Join(", ", p.Allowed)]),
                near is not null ? new Phrase("plan.hint.did.you.mean", [near]) : new Phrase("param.allowed.hint", [string.Join(", ", p.Allowed)]));
        }
        return null;
    }

    /// <summary>The type as the plan writes it: string, int, bool, duration.</summary>
    public static string TypeWord(ParamType type) => type.ToString().ToLowerInvariant();

    private static string Example(RunbookParam p) => p.Allowed.Count > 0 ? p.Allowed[0] : p.Type switch
    {
        ParamType.Int => "1",
        ParamType.Bool => "true",
        ParamType.Duration => "5m",
        ParamType.String => "VALUE",
    };
}
