using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary><c>kill -9</c> of jaga in the middle of a backup to a local folder and an SFTP server.</summary>
[Collection(FaultServers.Name)]
public sealed class KilledRunTests(SshServer ssh) : IDisposable
{
    private readonly FaultWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("en", "interrupted")]
    [InlineData("id", "terhenti")]
    public async Task A_run_killed_mid_backup_is_no_backup_and_the_next_run_records_it_interrupted_and_removes_its_leftovers(string language, string interruptedWord)
    {
        await ssh.StartAsync();
        var remote = await ssh.CreateFolderAsync();
        ws.WriteRandomData(files: 4, megabytesEach: 60);
        ws.WritePlan(
            $"  offsite: {{ sftp: \"{ssh.Url(remote)}\", key_file: \"{ssh.ClientKeyFile}\", fingerprint: \"{ssh.HostKeyFingerprint}\" }}",
            """
              - name: big
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, offsite]
                compress: gzip
            """, language);

        using (var child = ws.StartJaga("backup", "run", "big"))
        {
            await Growing.PartialAsync(ws.Local, 16 * 1024 * 1024, () => child.Output, () => child.HasExited);
            await child.KillAsync();
        }

        Assert.NotEmpty(FaultWorkspace.Partials(ws.Local));
        Assert.NotEmpty(FaultWorkspace.Partials(remote));
        Assert.Empty(FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Visible(remote));
        var killed = Assert.Single(await ws.ListAsync())!;
        Assert.Equal("running", (string?)killed["status"]);
        Assert.Null(killed["sha256"]);
        var killedId = (string)killed["id"]!;
        var killedArtifact = (string)killed["artifact"]!;

        // The killed process still "holds" the job's lock; it is dead and was on this host, so the lock is taken over.
        var next = await ws.JagaAsync("backup", "run", "big");

        Assert.True(next.Code == 0, next.ToString());
        var records = await ws.ListAsync();
        Assert.Equal(2, records.Count);
        var interrupted = records.Single(r => (string?)r!["id"] == killedId)!;
        Assert.Equal("interrupted", (string?)interrupted["status"]);
        var good = records.Single(r => (string?)r!["id"] != killedId)!;
        Assert.Equal("complete", (string?)good["status"]);
        Assert.Contains(ws.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal)
            && l.Contains(interruptedWord, StringComparison.Ordinal) && l.Contains(killedArtifact, StringComparison.Ordinal));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(remote));
        var artifact = (string)good["artifact"]!;
        string[] expected = [artifact, artifact + ".manifest.json"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), FaultWorkspace.Visible(ws.Local));
        Assert.Equal(expected.Order(StringComparer.Ordinal), FaultWorkspace.Visible(remote));
    }
}
