using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Updates.Versions;

/// <summary>A PEP 440 specifier set as a requirement writes it after the name (<c>&gt;=1.2, !=1.3.*, &lt;2</c>): a
/// version satisfies it when it satisfies every specifier. Pre-releases follow PEP 440's default: excluded unless a
/// specifier in the set names one (<c>&gt;=2.0b1</c>), which is what <c>packaging</c> up to 24.x did for
/// <c>SpecifierSet.contains(v)</c>; <c>packaging</c> 25 and later let <c>contains</c> admit them and leave the
/// exclusion to <c>filter</c>, which Jaga's planner does instead.</summary>
public sealed class Pep440SpecifierSet : VersionRange
{
    private readonly string text;

    private Pep440SpecifierSet(string text, ImmutableArray<Pep440Specifier> specifiers)
    {
        this.text = text;
        Specifiers = specifiers;
        NamesPrerelease = specifiers.Any(s => s.NamesPrerelease);
    }

    public override string Text => text;

    public ImmutableArray<Pep440Specifier> Specifiers { get; }

    /// <summary>Whether a specifier in the set names a pre-release, which lets the set contain pre-releases.</summary>
    public bool NamesPrerelease { get; }

    /// <summary>Reads a comma-separated specifier set; empty text (or only commas and spaces) is any version.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440SpecifierSet? set)
    {
        set = null;
        var specifiers = ImmutableArray.CreateBuilder<Pep440Specifier>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Pep440Specifier.TryParse(part, out var specifier)) return false;
            specifiers.Add(specifier);
        }
        set = new Pep440SpecifierSet(text, specifiers.DrainToImmutable());
        return true;
    }

    /// <summary>Whether <paramref name="version"/> satisfies every specifier; a pre-release only when a specifier
    /// names one.</summary>
    public override bool Contains(PackageVersion version) => Contains(version, NamesPrerelease);

    /// <summary>Whether <paramref name="version"/> satisfies every specifier, pre-releases admitted or not regardless
    /// of what the specifiers name (<c>packaging</c>'s <c>contains(v, prereleases=…)</c>).</summary>
    public bool Contains(PackageVersion version, bool allowPrereleases)
    {
        var candidate = Pep440VersionScheme.Of(version);
        if (candidate.IsPrerelease && !allowPrereleases) return false;
        foreach (var specifier in Specifiers)
        {
            if (!specifier.Matches(candidate)) return false;
        }
        return true;
    }
}
