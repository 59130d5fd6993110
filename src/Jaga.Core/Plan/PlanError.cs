using Jaga.Core.Messages;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>One thing wrong with the plan, where it is, and how to fix it.</summary>
/// <remarks><see cref="Message"/> and <see cref="Hint"/> are the English texts. An error made with <see cref="Of"/> also keeps
/// its catalog phrases, so <see cref="Render"/> can word it in the language the user reads: the plan is loaded before its
/// own <c>language:</c> is known, so the words are chosen when the error is shown, not when it is found.</remarks>
public sealed record PlanError(string File, Mark At, string Message, string? Hint = null)
{
    /// <summary>The message as a catalog phrase; null for an error known only in English.</summary>
    public Phrase? Text { get; init; }

    /// <summary>The hint as a catalog phrase; null when there is none or it is known only in English.</summary>
    public Phrase? HintText { get; init; }

    /// <summary>What is done to a text before it is shown: secrets masked, long quoted values shortened.</summary>
    public Func<string, string> Shown { get; init; } = s => s;

    /// <summary>An error worded from the catalog; its English texts are the English catalog's.</summary>
    public static PlanError Of(string file, Mark at, Phrase message, Phrase? hint = null) =>
        new(file, at, Catalog.English.Format(message.Key, [.. message.Args]), hint is null ? null : Catalog.English.Format(hint.Key, [.. hint.Args]))
        {
            Text = message,
            HintText = hint,
        };

    /// <summary>The message in <paramref name="words"/>' language (English where it has no phrase).</summary>
    public string MessageIn(Catalog words) => Text is null ? Message : Shown(words.Format(Text.Key, [.. Text.Args]));

    /// <summary>The hint in <paramref name="words"/>' language (English where it has no phrase).</summary>
    public string? HintIn(Catalog words) => HintText is null ? Hint : Shown(words.Format(HintText.Key, [.. HintText.Args]));

    /// <summary>The error as <c>file:line:column: message (hint)</c>, worded in <paramref name="words"/>' language.</summary>
    public string Render(Catalog words) =>
        HintIn(words) is { } hint ? $"{File}:{At.Line}:{At.Column}: {MessageIn(words)} ({hint})" : $"{File}:{At.Line}:{At.Column}: {MessageIn(words)}";

    public override string ToString() =>
        Hint is null ? $"{File}:{At.Line}:{At.Column}: {Message}" : $"{File}:{At.Line}:{At.Column}: {Message} ({Hint})";
}
