using System.Reflection;
using Jaga.Core.Journal;
using Jaga.Core.Messages;

namespace Jaga.Core.Tests.Journal;

/// <summary>Every kind of journal event, found by reflection, and sample instances of each built through its constructor,
/// so a new event is covered by the tests the moment it is declared.</summary>
internal static class JournalEventSamples
{
    /// <summary>How many samples per event: enough for every value of the enums events take (alert kinds: 3) and both
    /// values of their flags and nullable arguments.</summary>
    private const int Variants = 6;

    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(JournalEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(JournalEvent)) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static IEnumerable<JournalEvent> Of(Type type) =>
        Enumerable.Range(0, Variants).Select(v => (JournalEvent)Build(type, v));

    /// <summary>The keys of the catalog an event's message uses: its own and those of the phrases among its arguments.</summary>
    public static IEnumerable<string> Keys(JournalEvent e) =>
        [e.MessageKey, .. e.Arguments.SelectMany(PhraseKeys)];

    public static IEnumerable<Phrase> Phrases(IEnumerable<object?> arguments) =>
        arguments.OfType<Phrase>().SelectMany(p => (IEnumerable<Phrase>)[p, .. Phrases(p.Args)]);

    private static IEnumerable<string> PhraseKeys(object? argument) =>
        Phrases([argument]).Select(p => p.Key);

    private static object Build(Type type, int variant)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor to build a sample with");
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p, variant))]);
    }

    /// <summary>NullabilityInfoContext caches in a plain dictionary, and the test classes that build samples run in parallel.</summary>
    private static bool IsNullable(ParameterInfo p)
    {
        lock (Nullability) return Nullability.Create(p).WriteState == NullabilityState.Nullable;
    }

    private static object? Value(ParameterInfo p, int variant)
    {
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        var nullable = Nullable.GetUnderlyingType(p.ParameterType) is not null || IsNullable(p);
        if (nullable && variant % 2 == 0) return null;
        if (type == typeof(string)) return $"<{p.Name}>";
        if (type == typeof(int)) return variant + 2;
        if (type == typeof(long)) return (long)variant + 2;
        if (type == typeof(bool)) return variant % 2 == 1;
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(variant % values.Length);
        }
        if (type.IsClass && type.Namespace?.StartsWith("Jaga.", StringComparison.Ordinal) == true) return Build(type, variant);
        throw new InvalidOperationException($"no sample for a parameter of type {type.Name} ({p.Member.DeclaringType?.Name}.{p.Name}): add one to {nameof(JournalEventSamples)}");
    }
}
