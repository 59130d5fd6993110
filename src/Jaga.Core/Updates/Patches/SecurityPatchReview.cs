using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Patches;

/// <summary>Whether the security updates may be applied as apt's dry run of the install says it would do them, and
/// why not: <c>--security-only</c> must change nothing but security updates.</summary>
/// <param name="Changes">Every package the install would unpack, the ones apt pulls in beside those asked for included.</param>
/// <param name="Refusals">Why it must not go ahead, each worded in the reader's language; empty when it may.</param>
public sealed record SecurityPatchReview(IReadOnlyList<AptInstall> Changes, IReadOnlyList<Phrase> Refusals)
{
    /// <summary>It may go ahead.</summary>
    public bool Approved => Refusals.Count == 0;

    /// <summary>The arguments of the install: each pending security update, pinned to the candidate the check saw, so
    /// a newer candidate arriving in between is not installed unreviewed.</summary>
    public static IReadOnlyList<string> Targets(PatchCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return [.. check.Security.Select(i => i.Pinned)];
    }

    /// <summary>Reviews the dry run of <c>apt-get install --only-upgrade</c> of the <see cref="Targets"/>: it must remove
    /// nothing, and everything it unpacks (what apt pulls in as well) must come from a security archive.</summary>
    public static SecurityPatchReview Of(AptSimulation dryRun)
    {
        ArgumentNullException.ThrowIfNull(dryRun);
        var refusals = new List<Phrase>();
        if (dryRun.Removals.Count > 0)
            refusals.Add(new Phrase("reason.patches.removes", [string.Join(", ", dryRun.Removals.Select(r => r.Name))]));
        var other = dryRun.Installs.Where(i => !i.Security).ToList();
        if (other.Count > 0)
            refusals.Add(new Phrase("reason.patches.not.security",
                [string.Join(", ", other.Select(i => $"{i.Name} {i.Candidate} ({i.Origin?.Name ?? "-"})"))]));
        return new SecurityPatchReview(dryRun.Installs, refusals);
    }
}
