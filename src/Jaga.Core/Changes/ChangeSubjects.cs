using Jaga.Core.Ports;

namespace Jaga.Core.Changes;

/// <summary>The subjects of changes (<see cref="ChangeDraft.Subject"/>), one canonical text per act, so a review given for
/// one act is found by the same act only: <see cref="IChangeRecords.TakeReviewedAsync"/> matches subjects exactly.</summary>
/// <remarks>Values are percent-encoded (RFC 3986, as <see cref="Uri.EscapeDataString(string)"/>), so a value holding a
/// separator cannot make two acts read alike.</remarks>
public static class ChangeSubjects
{
    /// <summary>A run of runbook <paramref name="name"/> by hand: <c>runbook:NAME(KEY=VALUE,…)@REQUESTER</c>, the parameters in
    /// ordinal order of their names, the requester trimmed and lower-cased (as <see cref="Storage.ChangeText.SamePerson"/>
    /// compares people). A review of <c>restore-db</c> with <c>target=staging</c> asked by ana approves that run only: not
    /// <c>target=prod</c>, nor the same run asked by someone else.</summary>
    public static string Runbook(string name, IReadOnlyDictionary<string, string> parameters, string requester)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(requester);
        var values = string.Join(',', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Escape(p.Key) + "=" + Escape(p.Value)));
        return $"runbook:{name}({values})@{Escape(requester.Trim().ToLowerInvariant())}";
    }

    /// <summary>A dependency updated to a new major version: <c>update:ECOSYSTEM:NAME==VERSION</c>.</summary>
    public static string MajorUpdate(string ecosystem, string name, string to) => $"update:{ecosystem}:{name}=={to}";

    /// <summary>One OS security patch installed on <paramref name="node"/>: <c>patch:NODE:PACKAGE=VERSION</c>.</summary>
    public static string SecurityPatch(string node, string package, string to) => $"patch:{node}:{package}={to}";

    /// <summary>A set of OS security patches installed together on <paramref name="node"/>, reviewed as one change:
    /// <c>patches:NODE:PACKAGE=VERSION,…</c>, packages in ordinal order. A review approves that exact set: a new candidate
    /// version or another package makes it a new change.</summary>
    public static string SecurityPatches(string node, IEnumerable<(string Package, string To)> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        return $"patches:{node}:" + string.Join(',', patches.OrderBy(p => p.Package, StringComparer.Ordinal).Select(p => Escape(p.Package) + "=" + Escape(p.To)));
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
