using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A change's kind as the stores, the plan (<c>changes.significant</c>) and <c>--json</c> write it.</summary>
public static class ChangeText
{
    public static string ToText(this ChangeKind kind) => kind switch
    {
        ChangeKind.Plan => "plan",
        ChangeKind.Restore => "restore",
        ChangeKind.Migration => "migration",
        ChangeKind.MajorUpdate => "major_update",
        ChangeKind.SecurityPatch => "security_patch",
        ChangeKind.Runbook => "runbook",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ChangeKind ParseKind(string text)
    {
        foreach (var kind in Enum.GetValues<ChangeKind>())
            if (kind.ToText() == text) return kind;
        throw new FormatException($"not a change kind: '{text}'");
    }

    /// <summary>The covered sequence numbers as SQLite keeps them: comma-separated, in order.</summary>
    public static string Covers(IEnumerable<long> seqs) => string.Join(',', seqs);

    public static IReadOnlyList<long> ParseCovers(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Checks a draft before it is stored.</summary>
    public static void Validate(ChangeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Author);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(draft.Covers);
    }

    /// <summary>Whether <paramref name="reviewer"/> is <paramref name="author"/>: names compared without case or outer spaces.</summary>
    public static bool SamePerson(string author, string reviewer) =>
        string.Equals(author.Trim(), reviewer.Trim(), StringComparison.OrdinalIgnoreCase);
}
