using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Messages;
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
        if (node is PScalar && shape.ShortKey is { } shortKey)
        {
            // The short form (notify: oncall) is the value of its key, checked where it is written.
            Validate(node, shape.Find(shortKey)!.Shape, path);
            return;
        }
        if (node is not PMap map)
        {
            Error(node.Mark, path, P("plan.error.mapping", Describe(node)), P("plan.hint.mapping", shape.Fields[0].Name));
            return;
        }
        foreach (var entry in map.Entries)
        {
            var field = shape.Find(entry.Key);
            if (field is null)
            {
                var near = Similarity.Nearest(entry.Key, shape.Fields.Select(f => f.Name));
                Error(entry.KeyMark, path, P("plan.error.unknown.key", entry.Key),
                    near is not null ? P("plan.hint.did.you.mean", near) : P("plan.hint.known.keys", string.Join(", ", shape.Fields.Select(f => f.Name))));
                continue;
            }
            if (entry.Value is PScalar { IsNull: true } && field.Shape is ScalarShape)
            {
                Error(entry.Value.Mark, Join(path, entry.Key), P("plan.error.no.value"), field.Default is null ? P("plan.hint.no.value") : P("plan.hint.no.value.default", field.Default));
                continue;
            }
            if (field.Required && entry.Value is PList { Items.Count: 0 })
                Error(entry.Value.Mark, Join(path, field.Name), P("plan.error.empty.list"), P("plan.hint.empty.list"));
            Validate(entry.Value, field.Shape, Join(path, field.Name));
        }
        foreach (var field in shape.Fields.Where(f => f.Required && map.Entry(f.Name) is null && !f.Aliases.Any(a => map.Entry(a) is not null)))
            Error(map.Mark, path, P("plan.error.missing.key", field.Name), P("plan.hint.missing.key", field.Name));
        if (shape.OneOf.Count > 0)
        {
            var present = map.Entries.Where(e => shape.OneOf.Contains(e.Key)).ToList();
            if (present.Count == 0)
                Error(map.Mark, path, P("plan.error.one.of", string.Join(", ", shape.OneOf)), P("plan.hint.one.of", string.Join(" | ", shape.OneOf)));
            else if (present.Count > 1)
                Error(present[1].KeyMark, path, P("plan.error.together", present[0].Key, present[1].Key), P("plan.hint.together"));
        }
        if (shape.AnyOf.Count > 0 && !map.Entries.Any(e => shape.AnyOf.Contains(e.Key)))
            Error(map.Mark, path, P("plan.error.any.of", string.Join(", ", shape.AnyOf)), P("plan.hint.any.of", AndOr(shape.AnyOf)));
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
            Error(node.Mark, path, P("plan.error.list", Describe(node)), P("plan.hint.list"));
        }
    }

    private void ValidateMap(PNode node, MapShape shape, string path)
    {
        if (node is PScalar { IsNull: true }) return;
        if (node is not PMap map)
        {
            Error(node.Mark, path, P("plan.error.map", shape.KeyMeaning, Describe(node)), P("plan.hint.map", shape.KeyMeaning));
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
            Error(node.Mark, path, P("plan.error.scalar", Expected(shape), Describe(node)), P("plan.hint.scalar"));
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
        Error(ConditionMark(scalar, problem!.Offset), path, P("plan.error.condition", problem.Message, scalar.Value.Trim()), problem.Hint is null ? null : P("plan.error.text", problem.Hint));
    }

    /// <summary>The position of an offset inside a condition's scalar: past the opening quote of a quoted scalar. Where the
    /// text differs from the value (a <c>${VAR}</c>, an escape, a block scalar) the scalar's own position is the honest one.</summary>
    private static Mark ConditionMark(PScalar scalar, int offset)
    {
        var escapes = scalar.Quoted && scalar.Value.AsSpan(0, Math.Min(offset, scalar.Value.Length)).IndexOfAny("'\\\"") >= 0;
        if (!scalar.OneLine || scalar.Raw != scalar.Value || escapes) return scalar.Mark;
        return scalar.Mark with { Column = scalar.Mark.Column + (scalar.Quoted ? 1 : 0) + offset };
    }

    private static Phrase? Check(string v, ScalarShape shape, out Phrase? hint)
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
                        hint = P("plan.hint.range", shape.Minimum, int.MaxValue);
                        return P("plan.error.range", digits.Length > 24 ? P("plan.error.digits", digits[..20], digits.Length) : digits);
                    }
                    hint = P("plan.hint.whole");
                    return P("plan.error.whole", v);
                }
                if (n < shape.Minimum) { hint = P("plan.hint.min", shape.Minimum); return P("plan.error.small", n); }
                return null;
            case ScalarKind.Boolean:
                hint = P("plan.hint.bool");
                return v is "true" or "false" ? null : P("plan.error.bool", v);
            case ScalarKind.Duration:
                hint = P("plan.hint.duration");
                return DurationValue.TryParse(v, out _) ? null : P("plan.error.duration", v);
            case ScalarKind.Size:
                hint = P("plan.hint.size");
                return ByteSize.TryParse(v, out _) ? null : P("plan.error.size", v);
            case ScalarKind.Threshold:
                hint = P("plan.hint.threshold");
                return Threshold.TryParse(v, out _) ? null : P("plan.error.threshold", v);
            case ScalarKind.Cron:
                hint = P("plan.hint.cron");
                return CronSchedule.TryRead(v, out _, out var cronProblem) ? null : P("plan.error.cron", v, cronProblem);
            case ScalarKind.TimeZone:
                if (TimeZones.TryFind(v, out _)) return null;
                var near = Similarity.Nearest(v, TimeZones.Ids);
                hint = near is not null ? P("plan.hint.did.you.mean", near) : P("plan.hint.timezone");
                return P("plan.error.timezone", v);
            case ScalarKind.Url:
                var urlProblem = PlanUrl.Check(v, shape.Schemes);
                if (urlProblem is null) return null;
                hint = P("plan.hint.example", Example(shape.Schemes[0]));
                return urlProblem;
            case ScalarKind.Enum:
                if (shape.Values.Contains(v)) return null;
                var nearValue = Similarity.Nearest(v, shape.Values);
                hint = nearValue is not null ? P("plan.hint.did.you.mean", nearValue) : P("plan.hint.values", string.Join(", ", shape.Values));
                return P("plan.error.enum", v, string.Join(", ", shape.Values));
            case ScalarKind.HostPort:
                hint = P("plan.hint.hostport");
                return HostPort().IsMatch(v) && int.TryParse(v[(v.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                    ? null : P("plan.error.hostport", v);
            case ScalarKind.Path:
                hint = P("plan.hint.path");
                return v.Length == 0 ? P("plan.error.path.empty") : v.Contains('\0', StringComparison.Ordinal) ? P("plan.error.path.nul") : null;
            case ScalarKind.Date:
                hint = P("plan.hint.date");
                return PlanDate.TryParse(v, out _) ? null : P("plan.error.date", v);
            case ScalarKind.OnFailure:
                hint = P("plan.hint.on.failure");
                return StepFailure.TryParse(v, out _) ? null : P("plan.error.on.failure", v);
            case ScalarKind.Name:
                hint = P("plan.hint.name");
                return NameShape().IsMatch(v) ? null : P("plan.error.name", v);
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

    private static Phrase Expected(ScalarShape shape) => shape.Kind switch
    {
        ScalarKind.Integer => P("plan.expected.integer"),
        ScalarKind.Boolean => P("plan.expected.boolean"),
        ScalarKind.Enum => P("plan.expected.enum", string.Join(", ", shape.Values)),
        _ => P("plan.expected.other", shape.Kind.ToString().ToLowerInvariant()),
    };

    private static Phrase Describe(PNode node) => node switch
    {
        PMap => P("plan.found.mapping"),
        PList => P("plan.found.list"),
        PScalar { IsNull: true } => P("plan.found.nothing"),
        PScalar s => P("plan.found.value", s.Value),
        _ => P("plan.found.other"),
    };

    /// <summary>"a and/or b and/or c", worded in the reader's language.</summary>
    private static object AndOr(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : P("plan.word.and.or", names[0], AndOr([.. names.Skip(1)]));

    private static Phrase P(string key, params object?[] args) => new(key, args);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Error(Mark at, string path, Phrase message, Phrase? hint) =>
        errors.Add(PlanError.Of(file, at, path.Length == 0 ? message : P("plan.error.at", path, message), hint));

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[^\s:]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]*$")]
    private static partial Regex NameShape();
}
