using Jaga.Core.Ledger;
using Jaga.Engine.Audit;
using Jaga.Sqlite;

namespace Jaga.Engine.Tests.Audit;

/// <summary>Several nodes share one chain and each writes its own maintenance log: a node's log is compared with that
/// node's entries, and the other nodes' entries are not "missing lines".</summary>
public sealed class AuditVerifierNodesTests : IAsyncLifetime
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-nodes-").FullName;
    private SqliteStateStore store = null!;
    private readonly Dictionary<string, List<string>> logs = new() { ["web-1"] = [], ["web-2"] = [] };

    public async Task InitializeAsync()
    {
        store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), TimeProvider.System);
        var t = new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.Zero);
        // web-2 joins later: its first entry is #4.
        string[] writers = ["web-1", "web-1", "web-1", "web-2", "web-1", "web-2", "web-2", "web-1", "web-2", "web-1"];
        for (var i = 0; i < writers.Length; i++)
        {
            var line = $"[2025-11-15 02:{i:00}:00] [INFO] entry {i + 1} on {writers[i]}";
            await store.AppendAsync(new AuditDraft(t.AddMinutes(i), "jaga", "manual", Severity.Info, $"entry {i + 1}", line,
                new Dictionary<string, string> { [AuditEntry.NodeKey] = writers[i] }));
            logs[writers[i]].Add(line);
        }
    }

    [Theory]
    [InlineData("web-1")]
    [InlineData("web-2")]
    public async Task Each_node_s_log_matches_its_own_entries(string node)
    {
        var report = await AuditVerifier.VerifyAsync(store, Write(node, logs[node]), null, null, node: node);
        Assert.True(report.Intact, string.Join("\n", report.Problems.Select(p => p.Message)));
        Assert.Contains(report.Proven, p => p.Contains($"{logs[node].Count} lines match the chain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_deleted_from_one_node_s_log_is_named_by_its_entry()
    {
        var lines = logs["web-2"].Where(l => !l.Contains("entry 7 ", StringComparison.Ordinal)).ToList();
        var report = await AuditVerifier.VerifyAsync(store, Write("web-2", lines), null, null, node: "web-2");
        Assert.Contains("the line of entry #7 is missing", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public async Task Another_node_s_line_added_to_a_log_is_named()
    {
        var lines = logs["web-1"].ToList();
        lines.Insert(3, logs["web-2"][0]);
        var report = await AuditVerifier.VerifyAsync(store, Write("web-1", lines), null, null, node: "web-1");
        Assert.Equal(AuditProblemKind.LogLineAdded, Assert.Single(report.Problems).Kind);
    }

    [Fact]
    public async Task Without_a_node_every_entry_s_line_is_expected_in_the_file()
    {
        var report = await AuditVerifier.VerifyAsync(store, Write("web-1", logs["web-1"]), null, null);
        Assert.Equal(AuditProblemKind.LogLineDeleted, Assert.Single(report.Problems).Kind);
    }

    [Fact]
    public async Task The_first_lines_of_a_node_s_log_deleted_are_reported_not_taken_for_a_later_start()
    {
        var report = await AuditVerifier.VerifyAsync(store, Write("web-1", logs["web-1"].Skip(3).ToList()), null, null, node: "web-1");
        Assert.Contains("this node's 3 entries before #5 are missing", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public void Entries_without_a_node_belong_to_every_node_s_log()
    {
        var old = new AuditEntry(1, DateTimeOffset.UnixEpoch, "jaga", "manual", Severity.Info, "m", "l", AuditData.Empty, AuditEntry.Genesis, "");
        Assert.True(old.IsFromNode("web-1"));
        Assert.True(old.IsFromNode(null));
        var mine = old with { Data = new Dictionary<string, string> { [AuditEntry.NodeKey] = "web-2" } };
        Assert.False(mine.IsFromNode("web-1"));
        Assert.True(mine.IsFromNode("web-2"));
    }

    private string Write(string node, List<string> lines)
    {
        var path = Path.Combine(dir, node + ".log");
        File.WriteAllLines(path, lines);
        return path;
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }
}
