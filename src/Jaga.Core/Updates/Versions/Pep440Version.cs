using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Jaga.Core.Updates.Versions;

/// <summary>A Python package version by PEP 440: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, read with every
/// spelling PEP 440 normalizes (<c>v1.0</c>, <c>1.0-alpha.1</c>, <c>1.0c1</c>, <c>1.0-1</c>, <c>1.0_DEV</c>, …) and
/// ordered exactly as the <c>packaging</c> library orders versions: <c>.devN</c> before pre-releases before the release
/// before its post-releases, and a local version right after its public version.</summary>
/// <remarks>Each number may have at most 18 significant digits (a PEP 440 number has no limit, a real one stays far
/// below): a longer one makes the text unreadable rather than silently wrong.</remarks>
public sealed class Pep440Version : PackageVersion
{
    private static readonly string[] PreLabels = ["a", "b", "rc"];

    private readonly string text;
    private readonly long[] release;

    // The length of release without its trailing zeros: 1.0 and 1.0.0 are the same version.
    private readonly int significant;

    // The pre-release label as an index into PreLabels (a < b < rc), -1 when there is none; post and dev are -1 when
    // absent. Plain fields rather than nullables keep the comparison branch-light.
    private readonly int preLabel;
    private readonly long preNumber;
    private readonly long post;
    private readonly long dev;

    // Lower-case segments, numeric ones without leading zeros; null without a local part.
    private readonly string[]? local;
    private string? normalized;

    internal Pep440Version(string? text, long epoch, long[] release, int preLabel, long preNumber, long post, long dev,
        string[]? local)
    {
        Epoch = epoch;
        this.release = release;
        significant = release.Length;
        while (significant > 0 && release[significant - 1] == 0) significant--;
        this.preLabel = preLabel;
        this.preNumber = preLabel < 0 ? 0 : preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.text = text ?? Normalized;
    }

    /// <summary>Reads a PEP 440 version; surrounding white space, a leading <c>v</c>, letter case and the separators
    /// PEP 440 allows are accepted. Legacy (non PEP 440) versions are not.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = Pep440Grammar.TryReadVersion(text);
        return version is not null;
    }

    public override Ecosystem Ecosystem => Ecosystem.PyPI;

    public override string Text => text;

    /// <summary>A pre-release: an a/b/rc release or a development release (<c>.devN</c>), as PEP 440 counts them.</summary>
    public override bool IsPrerelease => preLabel >= 0 || dev >= 0;

    public override (long Major, long Minor, long Patch) Release =>
        (release[0], release.Length > 1 ? release[1] : 0, release.Length > 2 ? release[2] : 0);

    /// <summary>The epoch (<c>N!</c>), 0 when not written.</summary>
    public long Epoch { get; }

    /// <summary>Every release number, as written (trailing zeros kept).</summary>
    public ImmutableArray<long> ReleaseNumbers => [.. release];

    /// <summary>The pre-release segment, its label normalized to <c>a</c>, <c>b</c> or <c>rc</c>.</summary>
    public (string Label, long Number)? Pre => preLabel < 0 ? null : (PreLabels[preLabel], preNumber);

    public long? Post => post < 0 ? null : post;

    public long? Dev => dev < 0 ? null : dev;

    /// <summary>The local segment normalized (lower case, <c>.</c> separators, numbers without leading zeros).</summary>
    public string? Local => local is null ? null : string.Join('.', local);

    public bool IsPostrelease => post >= 0;

    public bool IsDevrelease => dev >= 0;

    /// <summary>The version in PEP 440's normalized form (<c>1.0-ALPHA.1</c> is <c>1.0a1</c>).</summary>
    public string Normalized => normalized ??= Write(withLocal: true);

    /// <summary>The normalized version without its local segment.</summary>
    public string Public => local is null ? Normalized : Write(withLocal: false);

    /// <summary>The epoch and release only (<c>1!2.0</c> for <c>1!2.0rc1.post3</c>).</summary>
    public string BaseVersion =>
        (Epoch != 0 ? Epoch.ToString(CultureInfo.InvariantCulture) + "!" : "") + string.Join('.', release);

    internal bool HasLocal => local is not null;

    internal int ReleaseLength => release.Length;

    public override int CompareTo(PackageVersion? other) =>
        other is Pep440Version v ? Compare(v, ignoreLocal: false) : throw Mismatch(other);

    /// <summary>Orders as <c>packaging</c>'s version key does: epoch, release (trailing zeros ignored), pre-release
    /// (a dev-only release before any pre-release, a release without one after all of them), post-release (none
    /// first), dev release (none last), local segments (none first).</summary>
    internal int Compare(Pep440Version other, bool ignoreLocal)
    {
        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0) return c;
        c = CompareRelease(other);
        if (c != 0) return c;
        c = PreKey.CompareTo(other.PreKey);
        if (c != 0) return c;
        c = preNumber.CompareTo(other.preNumber);
        if (c != 0) return c;
        c = post.CompareTo(other.post);
        if (c != 0) return c;
        c = DevKey.CompareTo(other.DevKey);
        if (c != 0 || ignoreLocal) return c;
        return CompareLocal(local, other.local);
    }

    /// <summary>Compares the releases alone, the shorter padded with zeros.</summary>
    internal int CompareRelease(Pep440Version other)
    {
        var length = Math.Max(significant, other.significant);
        for (var i = 0; i < length; i++)
        {
            var c = (i < significant ? release[i] : 0).CompareTo(i < other.significant ? other.release[i] : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Whether both have the same epoch, release and pre-release segment.</summary>
    internal bool SharesPreRelease(Pep440Version other) =>
        Epoch == other.Epoch && CompareRelease(other) == 0 && preLabel == other.preLabel && preNumber == other.preNumber;

    /// <summary>This version's public part with another development number (and no local segment).</summary>
    internal Pep440Version WithDev(long number) => new(null, Epoch, release, preLabel, preNumber, post, number, null);

    /// <summary>This version's public part with another post number, as its first development release.</summary>
    internal Pep440Version WithPostDev0(long number) => new(null, Epoch, release, preLabel, preNumber, number, 0, null);

    /// <summary>The first development release (<c>.dev0</c>) of this epoch and the given release numbers.</summary>
    internal static Pep440Version Dev0(long epoch, long[] release) => new(null, epoch, release, -1, 0, -1, 0, null);

    // Without a pre-release: a dev-only release sorts before every pre-release, any other before none.
    private int PreKey => preLabel >= 0 ? preLabel : post < 0 && dev >= 0 ? -1 : PreLabels.Length;

    private long DevKey => dev < 0 ? long.MaxValue : dev;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Epoch);
        for (var i = 0; i < significant; i++) hash.Add(release[i]);
        hash.Add(preLabel);
        hash.Add(preNumber);
        hash.Add(post);
        hash.Add(dev);
        if (local is not null)
        {
            foreach (var segment in local) hash.Add(segment, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    // packaging's local key: a numeric segment sorts after any alphanumeric one, numbers by value, the others by their
    // characters; a local version whose segments all match a shorter one's sorts after it.
    private static int CompareLocal(string[]? a, string[]? b)
    {
        if (a is null || b is null) return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var (numericA, numericB) = (IsNumber(a[i]), IsNumber(b[i]));
            var c = numericA != numericB ? (numericA ? 1 : -1)
                : numericA ? CompareNumbers(a[i], b[i])
                : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    // Numeric local segments have no leading zeros and no length limit: a longer one is larger.
    private static int CompareNumbers(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    internal static bool IsNumber(string segment) => !segment.AsSpan().ContainsAnyExceptInRange('0', '9');

    private string Write(bool withLocal)
    {
        var builder = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        if (Epoch != 0) builder.Append(invariant, $"{Epoch}!");
        builder.AppendJoin('.', release);
        if (preLabel >= 0) builder.Append(invariant, $"{PreLabels[preLabel]}{preNumber}");
        if (post >= 0) builder.Append(invariant, $".post{post}");
        if (dev >= 0) builder.Append(invariant, $".dev{dev}");
        if (withLocal && local is not null) builder.Append('+').AppendJoin('.', local);
        return builder.ToString();
    }
}
