using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Jaga.Core.Plan.Values;
using Jaga.Core.Plan.Yaml;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Plan.Schema;

/// <summary>Binds a validated node tree to the plan's records through their constructors, by key name.</summary>
/// <remarks>Generic on purpose: a key in the schema without a constructor parameter (or the reverse)
/// is a bug that <c>PlanSchemaTests</c> catches, instead of a hand-written mapping silently dropping it.</remarks>
public static class PlanBinder
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();
    private static readonly ConcurrentDictionary<ParameterInfo, bool> NullableParameters = new();

    public static T Bind<T>(PNode node, ObjectShape shape) => (T)BindObject(node, shape);

    private static object BindObject(PNode node, ObjectShape shape)
    {
        var map = shape.Expanded(node) as PMap ?? new PMap(node.Mark, []);
        var model = shape.Model!;
        // A kind of thing binds to the subtype its kind key names (validation has made sure exactly one is present).
        if (shape.Variants.Count > 0) model = shape.Variants.First(v => map.Entry(v.Key) is not null).Value;
        var ctor = Constructors.GetOrAdd(model, t => t.GetConstructors().Single());
        var parameters = ctor.GetParameters();
        var args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            var key = SnakeCase(p.Name!);
            var field = shape.Fields.First(f => f.Name == key);
            var value = map.Entry(key)?.Value ?? field.Aliases.Select(a => map.Entry(a)?.Value).FirstOrDefault(v => v is not null);
            if (value is PScalar { IsNull: true }) value = null;
            if (value is null && field.Default is not null) value = new PScalar(map.Mark, field.Default, true);
            args[i] = value is null ? Absent(p, field.Shape, map.Mark) : Convert(value, field.Shape, p.ParameterType);
        }
        return ctor.Invoke(args);
    }

    private static object? Absent(ParameterInfo p, Shape shape, Mark at)
    {
        var type = p.ParameterType;
        if (shape is ListShape) return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        if (shape is MapShape) return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
        if (shape is ObjectShape o && !IsNullable(p)) return BindObject(new PMap(at, []), o);
        if (type == typeof(bool)) return false;
        return null;
    }

    private static object? Convert(PNode node, Shape shape, Type target)
    {
        switch (shape)
        {
            case ObjectShape o:
                return BindObject(node, o);
            case ListShape l:
                {
                    var itemType = target.GetGenericArguments()[0];
                    var items = node is PList list ? list.Items : [node];
                    var array = Array.CreateInstance(itemType, items.Count);
                    for (var i = 0; i < items.Count; i++) array.SetValue(Convert(items[i], l.Item, itemType), i);
                    return array;
                }
            case MapShape m:
                {
                    var types = target.GetGenericArguments();
                    var dict = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(types))!;
                    foreach (var e in ((PMap)node).Entries) dict[e.Key] = Convert(e.Value, m.Value, types[1]);
                    return dict;
                }
            case UnionShape u:
                // The only union today is "auto" or a list of paths, bound as a list either way.
                return node is PList ? Convert(node, u.Options.OfType<ListShape>().First(), target) : new[] { ((PScalar)node).Value };
            default:
                var scalar = Scalar(((PScalar)node).Value.Trim(), ((ScalarShape)shape).Kind);
                return (Nullable.GetUnderlyingType(target) ?? target) is { IsEnum: true } enumType && scalar is string word ? EnumWord.Parse(enumType, word) : scalar;
        }
    }

    private static object? Scalar(string v, ScalarKind kind) => kind switch
    {
        ScalarKind.Integer => int.Parse(v, CultureInfo.InvariantCulture),
        ScalarKind.Boolean => v == "true",
        ScalarKind.Duration => DurationValue.TryParse(v, out var d) ? d : null,
        ScalarKind.Size => ByteSize.TryParse(v, out var b) ? b : null,
        ScalarKind.Threshold => Threshold.TryParse(v, out var t) ? t : null,
        ScalarKind.Cron => CronSchedule.TryParse(v, out var c, out _) ? c : null,
        ScalarKind.TimeZone => TimeZones.TryFind(v, out var z) ? z : null,
        ScalarKind.OnFailure => StepFailure.TryParse(v, out var f) ? f : null,
        ScalarKind.Date => PlanDate.TryParse(v, out var day) ? day : null,
        _ => v,
    };

    /// <summary>NullabilityInfoContext is not thread-safe (plans load in parallel in a process: the tests do), so each
    /// answer is computed with a context of its own and kept.</summary>
    private static bool IsNullable(ParameterInfo p) =>
        NullableParameters.GetOrAdd(p, q => new NullabilityInfoContext().Create(q).WriteState == NullabilityState.Nullable);

    public static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
