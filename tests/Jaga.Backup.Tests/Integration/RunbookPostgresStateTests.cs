using Jaga.Cli.Composition;
using Jaga.Core.Ports;
using Jaga.Engine.Planning;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>Runbook runs on a PostgreSQL state store (a real server): the record of a step whose output is cut inside a
/// character of two UTF-16 units (an emoji) is stored whole, and the audit chain still verifies.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookPostgresStateTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        state: "${STATE_URL}"
        log: { file: logs/maintenance.log }
        env_files: [.env]
        emergency:
          runbooks:
            - name: emoji
              steps:
                - name: smile
                  run: "python3 -c \"print('\\U0001F600' * 3000)\""
                - name: big
                  run: "python3 -c \"print('x' + '\\U0001F600' * 40000)\""
                - run: "echo after"
        """;

    [Fact]
    public async Task A_tail_cut_inside_an_emoji_is_stored_and_the_audit_chain_verifies()
    {
        var state = await SampleDatabase.CreateAsync(pg);
        using var ws = new BackupWorkspace(Plan, $"STATE_URL={state.Url}\n");

        var run = await ws.Jaga("runbook", "run", "emoji", "--yes");
        var verify = await ws.Jaga("audit", "verify");

        Assert.True(run.Code == 0, run.ToString());
        Assert.True(verify.Code == 0, verify.ToString());
        await using var store = await CompositionRoot.OpenStoreAsync(PlanFile.Load(ws.PlanPath).Plan!, TimeProvider.System);
        var stored = Assert.Single(await store.Runbooks.ListAsync("emoji", 10));
        Assert.Equal(RunbookRunStatus.Succeeded, stored.Status);
        var steps = await store.Runbooks.StepsAsync(stored.Id);
        Assert.Equal(3, steps.Count);
        Assert.Contains("\U0001F600\U0001F600", steps[0].OutputTail, StringComparison.Ordinal);
        Assert.True(steps[1].Output!.Length > 60_000, $"output of {steps[1].Output!.Length} chars");
        foreach (var text in steps.Take(2).SelectMany(a => new[] { a.Output!, a.OutputTail! }))
        {
            Assert.DoesNotContain('\uFFFD', text);
            Assert.True(Paired(text), "a stored text has half a character");
        }
    }

    private static bool Paired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
