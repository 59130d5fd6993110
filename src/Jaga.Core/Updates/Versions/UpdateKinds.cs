namespace Jaga.Core.Updates.Versions;

public static class UpdateKinds
{
    /// <summary>The kind of the update from <paramref name="from"/> to a later <paramref name="to"/>: major when the
    /// first release number changes, minor when the second does, otherwise patch (a pre-release moving to its release
    /// counts as a patch). A PEP 440 epoch that changes is a major update: the numbering started again.</summary>
    public static UpdateKind Between(PackageVersion from, PackageVersion to)
    {
        if (from is Pep440Version p && to is Pep440Version q && p.Epoch != q.Epoch) return UpdateKind.Major;
        var (a, b) = (from.Release, to.Release);
        return a.Major != b.Major ? UpdateKind.Major : a.Minor != b.Minor ? UpdateKind.Minor : UpdateKind.Patch;
    }
}
