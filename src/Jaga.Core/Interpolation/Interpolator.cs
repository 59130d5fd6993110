using System.Text;

namespace Jaga.Core.Interpolation;

/// <summary>Expands <c>${VAR}</c> and <c>${VAR:-default}</c>; <c>$${</c> is a literal <c>${</c>.</summary>
public static class Interpolator
{
    /// <summary>One variable that could not be expanded, with its offset in the text.</summary>
    public sealed record Missing(string Name, int Offset, string Problem);

    /// <summary>The outcome: the expanded text, whether any expanded value is secret, and what was missing.</summary>
    public sealed record Result(string Value, bool Secret, IReadOnlyList<Missing> Missing, IReadOnlyList<string> SecretValues);

    public static Result Expand(string text, VariableLookup lookup)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return new Result(text, false, [], []);
        var sb = new StringBuilder(text.Length);
        var missing = new List<Missing>();
        var secrets = new List<string>();
        var secret = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                sb.Append(text[i]);
                continue;
            }
            if (text[i + 1] == '$' && i + 2 < text.Length && text[i + 2] == '{')
            {
                sb.Append('$');
                i++;
                continue;
            }
            if (text[i + 1] != '{')
            {
                sb.Append('$');
                continue;
            }
            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                missing.Add(new Missing(text[(i + 2)..], i, "'${' is not closed with '}'"));
                break;
            }
            var body = text[(i + 2)..close];
            string? fallback = null;
            var sep = body.IndexOf(":-", StringComparison.Ordinal);
            if (sep >= 0)
            {
                fallback = body[(sep + 2)..];
                body = body[..sep];
            }
            var found = lookup(body);
            if (found is { } v)
            {
                sb.Append(v.Value);
                if (v.Secret)
                {
                    secret = true;
                    secrets.Add(v.Value);
                }
            }
            else if (fallback is not null)
            {
                sb.Append(fallback);
            }
            else
            {
                missing.Add(new Missing(body, i, body.Length == 0 ? "empty variable name in '${}'" : $"variable {body} is not set"));
            }
            i = close;
        }
        return new Result(sb.ToString(), secret, missing, secrets);
    }
}

/// <summary>Finds a variable's value and whether it is a secret; null when unset.</summary>
public delegate VariableValue? VariableLookup(string name);

public readonly record struct VariableValue(string Value, bool Secret);
