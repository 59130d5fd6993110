using Jaga.Core.Ports;

namespace Jaga.Core.Scheduling;

/// <summary>The pure rule by which nodes share the jobs they own instead of claiming each run (checks): every live node
/// works out the same owner for each job by rendezvous hashing over the live nodes, so the jobs are split between them and
/// only the jobs of a node that left move when it does. A node's lease is its beat: a node is live while its last beat is
/// within the lease and it did not stop.</summary>
public static class Ownership
{
    /// <summary>The nodes that own jobs now, sorted: the live nodes that have beaten for <paramref name="settleAfter"/> since
    /// they started (so every other node has seen them), or every live node when none has yet (a cluster starting). A node
    /// that joins a running cluster thus takes its share only once the others count it too, so a job is not run on two
    /// nodes while it joins; a node that stops beating loses its share after its lease, one that stopped cleanly at once.</summary>
    /// <param name="nodes">Every registered node, as <see cref="INodeRegistry.NodesAsync"/> returns them.</param>
    /// <param name="self">This node's id: live to itself, registered or not.</param>
    /// <param name="now"></param>
    /// <param name="lease">How long a beat keeps a node live.</param>
    /// <param name="settleAfter">How long after its start a node takes its share: two beats, so the others have read it.</param>
    /// <param name="gone">Whether a node is known dead though its beat is recent (its process on this machine no longer exists).</param>
    public static IReadOnlyList<string> Owners(IReadOnlyList<NodeInfo> nodes, string self, DateTimeOffset now, TimeSpan lease, TimeSpan settleAfter, Func<NodeInfo, bool> gone)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(gone);
        var live = nodes.Where(n => n.Id == self || (n.StoppedAt is null && now - n.LastSeen <= lease && !gone(n)))
            .Select(n => (n.Id, n.StartedAt)).ToList();
        if (!live.Any(n => n.Id == self)) live.Add((self, now));
        var settled = live.Where(n => now - n.StartedAt >= settleAfter).ToList();
        var owners = (settled.Count > 0 ? settled : live).Select(n => n.Id).Distinct(StringComparer.Ordinal).ToList();
        owners.Sort(StringComparer.Ordinal);
        return owners;
    }

    /// <summary>The owner of <paramref name="job"/> among <paramref name="owners"/>: the one whose hash with the job is the
    /// highest (FNV-1a, 64 bits), the same on every node.</summary>
    public static string Of(IReadOnlyList<string> owners, string job)
    {
        ArgumentNullException.ThrowIfNull(owners);
        if (owners.Count == 0) throw new ArgumentException("no node owns jobs", nameof(owners));
        var best = owners[0];
        var bestScore = 0UL;
        for (var i = 0; i < owners.Count; i++)
        {
            var score = Hash(owners[i], job);
            if (i == 0 || score > bestScore || (score == bestScore && string.CompareOrdinal(owners[i], best) < 0))
            {
                best = owners[i];
                bestScore = score;
            }
        }
        return best;
    }

    private static ulong Hash(string node, string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in node) hash = (hash ^ c) * 1099511628211UL;
        hash = (hash ^ 0) * 1099511628211UL;
        foreach (var c in job) hash = (hash ^ c) * 1099511628211UL;
        // FNV-1a alone mixes the last characters weakly; a final avalanche (splitmix64's) spreads similar names evenly.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
