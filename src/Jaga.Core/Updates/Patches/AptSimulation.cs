using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Updates.Patches;

/// <summary>What an apt simulation (<c>apt-get -s upgrade</c>, <c>apt-get -s install …</c>) says it would do, read from
/// its output in the C locale: the packages it would unpack (<c>Inst</c>), remove (<c>Remv</c>), keep back, and its
/// count line.</summary>
/// <param name="Installs">Every <c>Inst</c> line, in apt's order.</param>
/// <param name="Removals">Every <c>Remv</c>/<c>Purg</c> line.</param>
/// <param name="KeptBack">The packages listed under "The following packages have been kept back:" (apt 3: "Not
/// upgrading:"): they have a newer version that this command would not install.</param>
/// <param name="Summary">The count line; null when the output had none.</param>
public sealed partial record AptSimulation(IReadOnlyList<AptInstall> Installs, IReadOnlyList<AptRemoval> Removals, IReadOnlyList<string> KeptBack, AptSummary? Summary)
{
    /// <summary>The installed packages it would upgrade.</summary>
    public IEnumerable<AptInstall> Upgrades => Installs.Where(i => i.Upgrade);

    /// <summary>The upgrades whose candidate comes from a security archive.</summary>
    public IEnumerable<AptInstall> SecurityUpgrades => Upgrades.Where(i => i.Security);

    /// <summary>Reads the output (standard output; the <c>W:</c> and <c>E:</c> lines go to standard error).</summary>
    /// <exception cref="FormatException">An <c>Inst</c>, <c>Remv</c> or count line this parser does not understand, or a
    /// count line that disagrees with the <c>Inst</c> lines: the output of an apt this was not written for, never guessed at.</exception>
    public static AptSimulation Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var installs = new List<AptInstall>();
        var removals = new List<AptRemoval>();
        var keptBack = new List<string>();
        AptSummary? summary = null;
        List<string>? section = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            // apt 3 indents its count line under "Summary:", so it is looked for before a heading's listing.
            if (ReadSummary(line) is { } counts)
            {
                summary = summary is null ? counts : throw new FormatException($"apt printed two count lines; the second: '{line}'");
                section = null;
                continue;
            }
            // A listing under a heading is indented; anything else ends it.
            if (section is not null && line.StartsWith("  ", StringComparison.Ordinal))
            {
                section.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            section = null;
            if (line.StartsWith("Inst ", StringComparison.Ordinal)) installs.Add(ReadInstall(line));
            else if (line.StartsWith("Remv ", StringComparison.Ordinal) || line.StartsWith("Purg ", StringComparison.Ordinal)) removals.Add(ReadRemoval(line));
            else if (line is "The following packages have been kept back:" or "Not upgrading:") section = keptBack;
            else if (line.EndsWith(':') && !line.StartsWith(' ')) section = [];
        }
        if (summary is not null && summary.Unpacked != installs.Count)
            throw new FormatException($"apt's count line says {summary.Unpacked} package(s) to unpack but it listed {installs.Count} Inst line(s)");
        return new AptSimulation(installs, removals, keptBack, summary);
    }

    private static AptInstall ReadInstall(string line)
    {
        var m = InstLine().Match(line);
        if (!m.Success) throw new FormatException($"not an apt Inst line this parser knows: '{line}'");
        var origins = m.Groups["rel"].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(AptOrigin.Parse).ToList();
        return new AptInstall(m.Groups["name"].Value, m.Groups["arch"].Value, m.Groups["cur"].Success ? m.Groups["cur"].Value : null,
            m.Groups["cand"].Value, origins);
    }

    private static AptRemoval ReadRemoval(string line)
    {
        var m = RemvLine().Match(line);
        if (!m.Success) throw new FormatException($"not an apt Remv line this parser knows: '{line}'");
        return new AptRemoval(m.Groups["name"].Value, m.Groups["cur"].Success ? m.Groups["cur"].Value : null);
    }

    private static AptSummary? ReadSummary(string line)
    {
        var m = SummaryLine().Match(line);
        if (!m.Success) m = Summary3Line().Match(line);
        if (!m.Success) return null;
        int N(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        return new AptSummary(N("up"), N("new"), N("re"), N("down"), N("rm"), N("kept"));
    }

    // "Inst NAME [CURRENT] (CANDIDATE RELSTR [ARCH])" then, from the simulator, "[pkg on pkg]" and a list of packages it
    // leaves broken ("[]" when none): apt's pkgSimulate::Describe and RelStr, whose last bracket is always the architecture.
    [GeneratedRegex(@"^Inst (?<name>[^\s\[\]()]+)(?: \[(?<cur>[^\s\]]+)\])? \((?<cand>\S+) (?<rel>[^()\[\]]*?) ?\[(?<arch>[^\s\[\]]+)\]\)(?: \[[^\[\]]*\])*$")]
    private static partial Regex InstLine();

    [GeneratedRegex(@"^(?:Remv|Purg) (?<name>[^\s\[\]()]+)(?: \[(?<cur>[^\s\]]+)\])?(?: \[[^\[\]]*\])*$")]
    private static partial Regex RemvLine();

    [GeneratedRegex(@"^(?<up>\d+) upgraded, (?<new>\d+) newly installed, (?:(?<re>\d+) reinstalled, )?(?:(?<down>\d+) downgraded, )?(?<rm>\d+) to remove and (?<kept>\d+) not upgraded\.$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\s*Upgrading: (?<up>\d+), Installing: (?<new>\d+), (?:Reinstalling: (?<re>\d+), )?(?:Downgrading: (?<down>\d+), )?Removing: (?<rm>\d+), Not Upgrading: (?<kept>\d+)$")]
    private static partial Regex Summary3Line();
}
