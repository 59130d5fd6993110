using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Messages;

namespace Jaga.Cli;

/// <summary>System.CommandLine's parse errors in the user's words: a value that is not of its option's type is said as
/// "--tail: 'abc' is not a whole number", never with the .NET type it was converted to ("System.Nullable`1[System.Int32]").</summary>
internal static partial class UsageErrors
{
    /// <summary>The most of a value quoted back: a 10 MB value is the user's, they need only its start to find it.</summary>
    private const int QuoteLimit = 60;

    /// <summary>One line per distinct error, in <paramref name="t"/>'s language.</summary>
    public static IEnumerable<string> Describe(ParseResult parse, Catalog t) =>
        parse.Errors.Select(e => Describe(e, t)).Distinct(StringComparer.Ordinal);

    public static string Describe(ParseError error, Catalog t)
    {
        var (name, type, tokens) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType, a.Tokens),
            _ => (null, null, null),
        };
        if (name is not null && type is not null && tokens is not null)
        {
            foreach (var token in tokens)
                if (Typed(name, type, token.Value, t) is { } message) return message;
        }
        // AcceptOnlyFromAmong's validator says it in English only ("Argument 'pdf' not recognized. Must be one of: 'md' 'text'").
        if (name is not null && NotAmong().Match(error.Message) is { Success: true } among)
        {
            var values = Quoted().Matches(among.Groups[2].Value).Select(m => m.Groups[1].Value);
            return t.Format("cli.option.choice", name, Quote(among.Groups[1].Value), string.Join(", ", values));
        }
        return Scrub(error.Message);
    }

    /// <summary>What is wrong with <paramref name="value"/> for a value of <paramref name="type"/>, or null when it converts.</summary>
    public static string? Typed(string name, Type type, string value, Catalog t)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var shown = Quote(value);
        if (Integer(target) is { } range)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= range.Min && n <= range.Max) return null;
            return WholeNumber().IsMatch(value.Trim())
                ? t.Format("cli.option.range", name, shown, range.Min, range.Max)
                : t.Format("cli.option.whole", name, shown);
        }
        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : t.Format("cli.option.number", name, shown);
        if (target == typeof(bool))
            return bool.TryParse(value, out _) ? null : t.Format("cli.option.bool", name, shown);
        if (target == typeof(TimeSpan))
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _) ? null : t.Format("cli.option.duration", name, shown);
        if (target == typeof(DateTime) || target == typeof(DateTimeOffset) || target == typeof(DateOnly))
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : t.Format("cli.option.date", name, shown);
        if (target.IsEnum)
        {
            return Enum.TryParse(target, value, ignoreCase: true, out _) && !WholeNumber().IsMatch(value.Trim())
                ? null
                : t.Format("cli.option.choice", name, shown, string.Join(", ", Enum.GetNames(target).Select(n => n.ToLowerInvariant())));
        }
        return null;
    }

    private static (long Min, long Max)? Integer(Type type) =>
        type == typeof(int) ? (int.MinValue, int.MaxValue)
        : type == typeof(long) ? (long.MinValue, long.MaxValue)
        : type == typeof(short) ? (short.MinValue, short.MaxValue)
        : type == typeof(byte) ? (byte.MinValue, byte.MaxValue)
        : type == typeof(uint) ? (uint.MinValue, uint.MaxValue)
        : type == typeof(ushort) ? (ushort.MinValue, ushort.MaxValue)
        : null;

    /// <summary>A value as quoted in a message: its start only, and no control characters that would break the line.</summary>
    public static string Quote(string value)
    {
        var head = value.Length > QuoteLimit ? value[..QuoteLimit] + $"… ({value.Length:N0} characters)" : value;
        return string.Concat(head.Select(c => char.IsControl(c) ? '?' : c));
    }

    /// <summary>System.CommandLine's own message for the other errors (an unknown command, a missing value), with any
    /// .NET type name it carries replaced, and any value in it shortened.</summary>
    private static string Scrub(string message)
    {
        var text = DotNetType().Replace(message, "a value of this option's kind");
        return text.Length > 400 ? Quote(text[..400]) : string.Concat(text.Select(c => c is '\n' or '\t' ? ' ' : char.IsControl(c) ? '?' : c));
    }

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"'?System\.[A-Za-z0-9_.`\[\],]+'?")]
    private static partial Regex DotNetType();
}
