using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Plan.Values;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Scheduling;
using Jaga.Core.Text;

namespace Jaga.Core.Plan.Schema;

/// <summary>Checks a node tree against a <see cref="Shape"/>, collecting every error and every secret value.</summary>
public sealed partial class ShapeValidator(string file, List<PlanError> errors, ISet<string> secrets)
{
    public void Validate(PNode node, Shape shape, string path)
    {
        switch (shape)
        {
            case ObjectShape o: ValidateObject(node, o, path); break;
            case ListShape l: ValidateList(node, l, path); break;
            case MapShape m: ValidateMap(node, m, path); break;
            case UnionShape u: ValidateUnion(node, u, path); break;
            case ScalarShape s: ValidateScalar(node, s, path); break;
        }
    }

    private void ValidateObject(PNode node, ObjectShape shape, string path)
    {
        if (node is PScalar { IsNull: true }) node = new PMap(node.Mark, []);
        if (node is not PMap map)
        {
            Error(node.Mark, path, $"expected a mapping of keys, found {Describe(node)}", $"write keys such as '{shape.Fields[0].Name}: …' under it");
            return;
        }
        foreach (var entry in map.Entries)
        {
            var field = shape.Find(entry.Key);
            if (field is null)
            {
                var near = Similarity.Nearest(entry.Key, shape.Fields.Select(f => f.Name));
                Error(entry.KeyMark, path, $"unknown key '{entry.Key}'",
                    near is not null ? $"did you mean '{near}'?" : $"known keys: {string.Join(", ", shape.Fields.Select(f => f.Name))}");
                continue;
            }
            if (entry.Value is PScalar { IsNull: true } && field.Shape is ScalarShape)
            {
                Error(entry.Value.Mark, Join(path, entry.Key), "has no value", field.Default is null ? "give it a value or remove the key" : $"give it a value or remove the key to use the default {field.Default}");
                continue;
            }
            if (field.Required && entry.Value is PList { Items.Count: 0 })
                Error(entry.Value.Mark, Join(path, field.Name), "needs at least one item", "add one, or remove the entry that needs it");
            Validate(entry.Value, field.Shape, Join(path, field.Name));
        }
        foreach (var field in shape.Fields.Where(f => f.Required && map.Entry(f.Name) is null && !f.Aliases.Any(a => map.Entry(a) is not null)))
            Error(map.Mark, path, $"missing required key '{field.Name}'", $"add '{field.Name}: …'");
        if (shape.OneOf.Count > 0)
        {
            var present = map.Entries.Where(e => shape.OneOf.Contains(e.Key)).ToList();
            if (present.Count == 0)
                Error(map.Mark, path, $"needs one of: {string.Join(", ", shape.OneOf)}", $"add exactly one of {string.Join(" | ", shape.OneOf)}");
            else if (present.Count > 1)
                Error(present[1].KeyMark, path, $"'{present[0].Key}' and '{present[1].Key}' cannot be used together", "keep exactly one; split it into two entries if you need both");
        }
        if (shape.AnyOf.Count > 0 && !map.Entries.Any(e => shape.AnyOf.Contains(e.Key)))
            Error(map.Mark, path, $"needs at least one of: {string.Join(", ", shape.AnyOf)}", $"add {string.Join(" and/or ", shape.AnyOf)}");
    }

    private void ValidateList(PNode node, ListShape shape, string path)
    {
        if (node is PList list)
        {
            for (var i = 0; i < list.Items.Count; i++) Validate(list.Items[i], shape.Item, $"{path}[{i}]");
        }
        else if (shape.AllowSingle && node is PScalar)
        {
            Validate(node, shape.Item, path);
        }
        else if (node is not PScalar { IsNull: true })
        {
            Error(node.Mark, path, $"expected a list, found {Describe(node)}", "write items on lines starting with '- ', or as [a, b]");
        }
    }

    private void ValidateMap(PNode node, MapShape shape, string path)
    {
        if (node is PScalar { IsNull: true }) return;
        if (node is not PMap map)
        {
            Error(node.Mark, path, $"expected a mapping of {shape.KeyMeaning} to settings, found {Describe(node)}", $"write '<{shape.KeyMeaning}>: …' entries");
            return;
        }
        foreach (var entry in map.Entries) Validate(entry.Value, shape.Value, Join(path, entry.Key));
    }

    private void ValidateUnion(PNode node, UnionShape shape, string path)
    {
        var attempts = new List<List<PlanError>>();
        foreach (var option in shape.Options)
        {
            var attempt = new List<PlanError>();
            new ShapeValidator(file, attempt, secrets).Validate(node, option, path);
            if (attempt.Count == 0) return;
            attempts.Add(attempt);
        }
        // Report the attempt whose node kind matched (a list for a list option), else the first.
        var pick = node is PList ? attempts[^1] : attempts[0];
        errors.AddRange(pick);
    }

    private void ValidateScalar(PNode node, ScalarShape shape, string path)
    {
        if (node is not PScalar scalar)
        {
            Error(node.Mark, path, $"expected {Expected(shape)}, found {Describe(node)}", "write a single value on the same line as the key");
            return;
        }
        if (scalar.Unresolved) return;
        var v = scalar.Value.Trim();
        // A secret web URL (a webhook) carries its token in the path: all of it is secret. A secret database URL
        // is secret in its password only, so the host and database stay readable.
        if (scalar.Secret || (shape.Secret && (shape.Kind != ScalarKind.Url || PlanUrl.Scheme(v) is "http" or "https")))
        {
            if (v.Length > 0) secrets.Add(v);
        }
        if (Redaction.Redactor.PasswordOf(v) is { } password)
        {
            // A URL is a secret only in its password: the host and database stay readable in output. Any value's URL
            // password is (a restore target, a check's URL), not only a secret key's, and known by its value it is masked
            // wherever it shows, even where the URL pattern cannot find it. The password alone is a secret too when the
            // whole URL came from an env file, since tools echo it outside the URL (PGPASSWORD=…).
            secrets.Add(password);
        }
        if (shape.Kind == ScalarKind.Condition)
        {
            ValidateCondition(scalar, path);
            return;
        }
        var problem = Check(v, shape, out var hint);
        if (problem is not null) Error(scalar.Mark, path, problem, hint);
    }

    private void ValidateCondition(PScalar scalar, string path)
    {
        if (Conditions.Condition.TryParse(scalar.Value, out _, out var problem)) return;
        Error(ConditionMark(scalar, problem!.Offset), path, $"{problem.Message} in '{scalar.Value.Trim()}'", problem.Hint);
    }

    /// <summary>The position of an offset inside a condition's scalar: past the opening quote of a quoted scalar. Where the
    /// text differs from the value (a <c>${VAR}</c>, an escape, a block scalar) the scalar's own position is the honest one.</summary>
    private static Mark ConditionMark(PScalar scalar, int offset)
    {
        var escapes = scalar.Quoted && scalar.Value.AsSpan(0, Math.Min(offset, scalar.Value.Length)).IndexOfAny("'\\\"") >= 0;
        if (!scalar.OneLine || scalar.Raw != scalar.Value || escapes) return scalar.Mark;
        return scalar.Mark with { Column = scalar.Mark.Column + (scalar.Quoted ? 1 : 0) + offset };
    }

    private static string? Check(string v, ScalarShape shape, out string? hint)
    {
        hint = null;
        switch (shape.Kind)
        {
            case ScalarKind.Integer:
                if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    // Digits too many for a number are out of range, not "not a number": the user wrote a number.
                    var digits = v.Trim();
                    if (WholeNumber().IsMatch(digits))
                    {
                        hint = $"use {shape.Minimum} to {int.MaxValue}";
                        return $"{(digits.Length > 24 ? digits[..20] + $"… ({digits.Length} digits)" : digits)} is out of range";
                    }
                    hint = "write a whole number";
                    return $"'{v}' is not a whole number";
                }
                if (n < shape.Minimum) { hint = $"use {shape.Minimum} or more"; return $"{n} is too small"; }
                return null;
            case ScalarKind.Boolean:
                hint = "write true or false";
                return v is "true" or "false" ? null : $"'{v}' is not true or false";
            case ScalarKind.Duration:
                hint = DurationValue.Help;
                return DurationValue.TryParse(v, out _) ? null : $"'{v}' is not a duration";
            case ScalarKind.Size:
                hint = ByteSize.Help;
                return ByteSize.TryParse(v, out _) ? null : $"'{v}' is not a size";
            case ScalarKind.Threshold:
                hint = Threshold.Help;
                return Threshold.TryParse(v, out _) ? null : $"'{v}' is not a percent threshold";
            case ScalarKind.Cron:
                hint = CronSchedule.Help;
                return CronSchedule.TryParse(v, out _, out var cronProblem) ? null : $"'{v}' is not a schedule: {cronProblem}";
            case ScalarKind.TimeZone:
                if (TimeZones.TryFind(v, out _)) return null;
                var near = Similarity.Nearest(v, TimeZones.Ids);
                hint = near is not null ? $"did you mean '{near}'?" : "use an IANA name such as Asia/Jakarta, Europe/Berlin or UTC";
                return $"'{v}' is not a known time zone";
            case ScalarKind.Url:
                var urlProblem = PlanUrl.Check(v, shape.Schemes);
                if (urlProblem is null) return null;
                hint = $"e.g. {Example(shape.Schemes[0])}";
                return urlProblem;
            case ScalarKind.Enum:
                if (shape.Values.Contains(v)) return null;
                var nearValue = Similarity.Nearest(v, shape.Values);
                hint = nearValue is not null ? $"did you mean '{nearValue}'?" : $"use one of: {string.Join(", ", shape.Values)}";
                return $"'{v}' is not one of {string.Join(", ", shape.Values)}";
            case ScalarKind.HostPort:
                hint = "write host:port, e.g. 127.0.0.1:8080";
                return HostPort().IsMatch(v) && int.TryParse(v[(v.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                    ? null : $"'{v}' is not host:port";
            case ScalarKind.Path:
                hint = "write a file or folder path";
                return v.Length == 0 ? "the path is empty" : v.Contains('\0', StringComparison.Ordinal) ? "the path contains a NUL character" : null;
            case ScalarKind.Name:
                hint = "use letters, digits, '-' and '_', starting with a letter or digit";
                return NameShape().IsMatch(v) ? null : $"'{v}' is not a valid name";
            default:
                return null;
        }
    }

    private static string Example(string scheme) => scheme switch
    {
        "postgres" or "postgresql" => "postgres://user@host:5432/db",
        "sqlite" => "sqlite:data/app.db",
        "mysql" or "mariadb" => "mysql://user@host:3306/db",
        "s3" => "s3://bucket/prefix",
        "sftp" => "sftp://user@host:22/srv/backups",
        "smtp" or "smtps" => "smtp://user:${SMTP_PASSWORD}@mail.example.com:587",
        _ => $"{scheme}://host/path",
    };

    private static string Expected(ScalarShape shape) => shape.Kind switch
    {
        ScalarKind.Integer => "a whole number",
        ScalarKind.Boolean => "true or false",
        ScalarKind.Enum => $"one of {string.Join(", ", shape.Values)}",
        _ => $"a {shape.Kind.ToString().ToLowerInvariant()} value",
    };

    private static string Describe(PNode node) => node switch
    {
        PMap => "a mapping",
        PList => "a list",
        PScalar { IsNull: true } => "nothing",
        PScalar s => $"'{s.Value}'",
        _ => "something else",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Error(Mark at, string path, string message, string? hint) =>
        errors.Add(new PlanError(file, at, path.Length == 0 ? message : $"{path}: {message}", hint));

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[^\s:]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]*$")]
    private static partial Regex NameShape();
}
