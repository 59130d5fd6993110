using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Updates.Versions;

/// <summary>One PEP 440 version specifier (<c>&gt;=1.2</c>, <c>~=2.0.1</c>, <c>==1.4.*</c>, <c>===1.0-custom</c>),
/// matched as the <c>packaging</c> library matches it. The pre-release rule applies to a whole set: see
/// <see cref="Pep440SpecifierSet"/>.</summary>
public sealed class Pep440Specifier
{
    private readonly Pep440Version? version;

    // Bounds worked out once: ==V.* spans [lower, upper), ~=V ends before upper, <V before upper (V.dev0 unless V is a
    // pre-release), and >V of a dev or post release starts at lower.
    private readonly Pep440Version? lower;
    private readonly Pep440Version? upper;

    private Pep440Specifier(Pep440Operator op, string written, Pep440Version? version, bool wildcard)
    {
        Operator = op;
        Version = written;
        IsWildcard = wildcard;
        this.version = version;
        NamesPrerelease = op switch
        {
            // A != or a prefix match cannot ask for a pre-release; === names one only when its text reads as one.
            Pep440Operator.NotEqual => false,
            Pep440Operator.Equal when wildcard => false,
            Pep440Operator.Arbitrary => Pep440Version.TryParse(written, out var v) && v.IsPrerelease,
            _ => version!.IsPrerelease,
        };
        if (version is null) return;

        var release = version.ReleaseNumbers.AsSpan();
        if (wildcard)
        {
            lower = Pep440Version.Dev0(version.Epoch, release.ToArray());
            upper = Pep440Version.Dev0(version.Epoch, NextPrefix(release));
        }
        else if (op == Pep440Operator.Compatible)
        {
            upper = Pep440Version.Dev0(version.Epoch, NextPrefix(release[..^1]));
        }
        else if (op == Pep440Operator.Less)
        {
            // <V leaves out V's own pre-releases: everything from V.dev0 up.
            upper = version.IsPrerelease ? version : version.WithDev(0);
        }
        else if (op == Pep440Operator.Greater && (version.Dev is { } dev))
        {
            // A development release has no post-releases: the next version is simply the next .dev.
            lower = version.WithDev(dev + 1);
        }
        else if (op == Pep440Operator.Greater && (version.Post is { } post))
        {
            lower = version.WithPostDev0(post + 1);
        }
    }

    public Pep440Operator Operator { get; }

    /// <summary>The version as written after the operator, with <c>.*</c> for a prefix match.</summary>
    public string Version { get; }

    /// <summary>A prefix match: <c>==1.2.*</c> or <c>!=1.2.*</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>Whether the specifier names a pre-release (<c>&gt;=2.0b1</c>), which lets its set contain
    /// pre-releases. <c>!=</c> and <c>==V.*</c> never do.</summary>
    public bool NamesPrerelease { get; }

    /// <summary>Reads one specifier; white space around the operator and the version is allowed.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440Specifier? specifier)
    {
        specifier = null;
        var spec = text.AsSpan().Trim();
        var (op, length) = spec switch
        {
            _ when spec.StartsWith("===") => (Pep440Operator.Arbitrary, 3),
            _ when spec.StartsWith("~=") => (Pep440Operator.Compatible, 2),
            _ when spec.StartsWith("==") => (Pep440Operator.Equal, 2),
            _ when spec.StartsWith("!=") => (Pep440Operator.NotEqual, 2),
            _ when spec.StartsWith("<=") => (Pep440Operator.LessOrEqual, 2),
            _ when spec.StartsWith(">=") => (Pep440Operator.GreaterOrEqual, 2),
            _ when spec.StartsWith("<") => (Pep440Operator.Less, 1),
            _ when spec.StartsWith(">") => (Pep440Operator.Greater, 1),
            _ => ((Pep440Operator?)null, 0),
        };
        var written = spec[length..].TrimStart();
        if (op is not { } known || HasWhiteSpace(written)) return false;

        if (known == Pep440Operator.Arbitrary)
        {
            // Anything but a marker's ; or a closing parenthesis: it is compared as text, never parsed.
            if (written.ContainsAny(';', ')')) return false;
            specifier = new Pep440Specifier(known, written.ToString(), null, wildcard: false);
            return true;
        }

        var wildcard = written.EndsWith(".*") && known is Pep440Operator.Equal or Pep440Operator.NotEqual;
        if (!Pep440Version.TryParse((wildcard ? written[..^2] : written).ToString(), out var version)) return false;
        var valid = known switch
        {
            // A prefix is a bare release; a local version only makes sense to == and !=.
            _ when wildcard => version is { Pre: null, Post: null, Dev: null, HasLocal: false },
            Pep440Operator.Equal or Pep440Operator.NotEqual => true,
            Pep440Operator.Compatible => !version.HasLocal && version.ReleaseLength >= 2,
            _ => !version.HasLocal,
        };
        if (valid) specifier = new Pep440Specifier(known, written.ToString(), version, wildcard);
        return valid;
    }

    /// <summary>Whether <paramref name="candidate"/> satisfies this specifier's comparison, pre-release or not.</summary>
    public bool Matches(Pep440Version candidate)
    {
        if (Operator == Pep440Operator.Arbitrary) return ArbitraryMatch(candidate);
        return Operator switch
        {
            Pep440Operator.Arbitrary => false,
            Pep440Operator.Equal => IsWildcard ? InPrefix(candidate) : IsEqual(candidate),
            Pep440Operator.NotEqual => IsWildcard ? !InPrefix(candidate) : !IsEqual(candidate),
            Pep440Operator.Compatible =>
                candidate.Compare(version!, ignoreLocal: false) >= 0 && candidate.Compare(upper!, ignoreLocal: false) < 0,
            // A local version is its public version to <=: 1.0+abc is <=1.0.
            Pep440Operator.LessOrEqual => candidate.Compare(version!, ignoreLocal: true) <= 0,
            Pep440Operator.GreaterOrEqual => candidate.Compare(version!, ignoreLocal: false) >= 0,
            Pep440Operator.Less => candidate.Compare(upper!, ignoreLocal: false) < 0,
            Pep440Operator.Greater => lower is not null ? candidate.Compare(lower, ignoreLocal: false) >= 0
                : candidate.Compare(version!, ignoreLocal: false) > 0 && !IsOwnPostRelease(candidate),
        };
    }

    public override string ToString() => Symbol(Operator) + Version;

    /// <summary>The operator as written in a specifier.</summary>
    public static string Symbol(Pep440Operator op) => op switch
    {
        Pep440Operator.Compatible => "~=",
        Pep440Operator.Equal => "==",
        Pep440Operator.NotEqual => "!=",
        Pep440Operator.LessOrEqual => "<=",
        Pep440Operator.GreaterOrEqual => ">=",
        Pep440Operator.Less => "<",
        Pep440Operator.Greater => ">",
        Pep440Operator.Arbitrary => "===",
    };

    // === compares the version as the registry or the user wrote it, as packaging compares a version string.
    private bool ArbitraryMatch(Pep440Version candidate) =>
        string.Equals(candidate.Text, Version, StringComparison.OrdinalIgnoreCase);

    // ==V without a local segment matches V's local versions too; with one, only that local version.
    private bool IsEqual(Pep440Version candidate) =>
        candidate.Compare(version!, ignoreLocal: !version!.HasLocal) == 0;

    // ==1.2.* is every version from 1.2.dev0 up to (not including) 1.3.dev0.
    private bool InPrefix(Pep440Version candidate) =>
        candidate.Compare(lower!, ignoreLocal: false) >= 0 && candidate.Compare(upper!, ignoreLocal: false) < 0;

    // >V (V neither a post nor a dev release) leaves out V's local versions and V's post-releases, V.postN.devM
    // included, but not the post-releases of another pre-release of the same release (>1.0a1 admits 1.0.post0).
    private bool IsOwnPostRelease(Pep440Version candidate) =>
        candidate.SharesPreRelease(version!) && (candidate.Dev is null || candidate.IsPostrelease);

    // The release one up in its last number: 1.2 -> 1.3 (the prefix of ~=1.2.5 is 1.2, so ~=1.2.5 stops at 1.3.dev0).
    private static long[] NextPrefix(ReadOnlySpan<long> release)
    {
        var next = release.ToArray();
        next[^1]++;
        return next;
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) return true;
        }
        return false;
    }
}
