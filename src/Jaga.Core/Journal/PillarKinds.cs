namespace Jaga.Core.Journal;

/// <summary>The pillar of an audit kind, told by the kind's first word (<c>backup.run</c> → backup): the kinds chains already
/// hold never change, so the pillar is derived, not stored. A kind whose first word no pillar names is <see cref="Pillar.Other"/>.</summary>
public static class PillarKinds
{
    /// <summary>The first words of the kinds of each pillar but <see cref="Pillar.Other"/>, which takes every other kind.</summary>
    public static readonly IReadOnlyDictionary<Pillar, IReadOnlyList<string>> Words = new Dictionary<Pillar, IReadOnlyList<string>>
    {
        [Pillar.Backup] = ["backup"],
        [Pillar.Monitoring] = ["monitor", "monitoring", "alert", "notify", "logs"],
        [Pillar.Update] = ["deps", "patches", "update"],
        [Pillar.Emergency] = ["runbook", "incident", "drill"],
        [Pillar.Migration] = ["migration", "env", "change", "checklist", "secrets"],
        [Pillar.Manual] = [ManualKind],
    };

    /// <summary>The kind of an entry written by <c>jaga log add</c>.</summary>
    public const string ManualKind = "manual";

    public static Pillar Of(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var dot = kind.IndexOf('.', StringComparison.Ordinal);
        var word = dot < 0 ? kind : kind[..dot];
        foreach (var (pillar, words) in Words)
            if (words.Contains(word, StringComparer.Ordinal)) return pillar;
        return Pillar.Other;
    }

    /// <summary>The pillar's name in lower case, as the CLI and the JSON write it.</summary>
    public static string Word(this Pillar pillar) => pillar.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Pillar pillar)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var p in Enum.GetValues<Pillar>())
            if (string.Equals(p.Word(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                pillar = p;
                return true;
            }
        pillar = Pillar.Other;
        return false;
    }
}
