using Jaga.Core.Ports;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Scheduling;

/// <summary>How the live nodes split the jobs they own (checks): rendezvous hashing over the settled live nodes.</summary>
public sealed class OwnershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    private static NodeInfo Node(string id, int startedAgo = 600, int seenAgo = 1, bool stopped = false) =>
        new(id, "host", 1, "1.0", Now.AddSeconds(-startedAgo), Now.AddSeconds(-seenAgo), "", stopped ? Now.AddSeconds(-seenAgo) : null);

    private static IReadOnlyList<string> Owners(string self, params NodeInfo[] nodes) => Ownership.Owners(nodes, self, Now, Lease, Settle, _ => false);

    private static string[] Jobs(int n) => [.. Enumerable.Range(0, n).Select(i => $"check:t{i}")];

    [Fact]
    public void Live_settled_nodes_own_and_silent_or_stopped_ones_do_not()
    {
        var owners = Owners("b", Node("a"), Node("b"), Node("c", seenAgo: 31), Node("d", stopped: true), Node("e"));
        Assert.Equal(["a", "b", "e"], owners);
    }

    [Fact]
    public void A_node_joining_a_running_cluster_takes_its_share_only_once_settled()
    {
        Assert.Equal(["a"], Owners("b", Node("a"), Node("b", startedAgo: 5)));
        Assert.Equal(["a"], Owners("a", Node("a"), Node("b", startedAgo: 5)));
        Assert.Equal(["a", "b"], Owners("b", Node("a"), Node("b", startedAgo: 20)));
    }

    [Fact]
    public void Nodes_starting_together_share_at_once_and_a_node_alone_owns_everything()
    {
        Assert.Equal(["a", "b"], Owners("a", Node("a", startedAgo: 1), Node("b", startedAgo: 2)));
        Assert.Equal(["a"], Owners("a"));
        Assert.Equal(["a"], Owners("a", Node("old", startedAgo: 900, seenAgo: 45)));
    }

    [Fact]
    public void A_node_known_gone_is_not_an_owner_even_within_its_lease()
    {
        var owners = Ownership.Owners([Node("a"), Node("crashed")], "a", Now, Lease, Settle, n => n.Id == "crashed");
        Assert.Equal(["a"], owners);
    }

    [Fact]
    public void Every_node_computes_the_same_owner_and_the_jobs_are_split_evenly()
    {
        string[] owners = ["web-1:10:aa", "web-2:11:bb", "web-3:12:cc"];
        var counts = Jobs(3000).GroupBy(j => Ownership.Of(owners, j)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(owners.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
        Assert.All(Jobs(200), j => Assert.Equal(Ownership.Of(owners, j), Ownership.Of([.. owners.Reverse()], j)));
    }

    [Fact]
    public void When_a_node_leaves_only_its_jobs_move()
    {
        string[] three = ["a", "b", "c"];
        string[] two = ["a", "c"];
        foreach (var job in Jobs(1000))
        {
            var before = Ownership.Of(three, job);
            if (before != "b") Assert.Equal(before, Ownership.Of(two, job));
        }
    }
}
