using Jaga.Core.Backup;
using Jaga.Core.Ports;

namespace Jaga.Backup.Tests.Faults;

/// <summary>What a run killed after writing its manifest at one destination, but before recording success, leaves.</summary>
public sealed class KilledBetweenManifestsTests : IDisposable
{
    private readonly FaultWorkspace ws = new();

    public KilledBetweenManifestsTests()
    {
        ws.WriteRandomData(files: 1, megabytesEach: 1);
        ws.WritePlan("", """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local]
            """);
    }

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task A_killed_run_s_artifact_and_manifest_are_removed_by_the_next_run_though_the_manifest_was_written()
    {
        await using var engine = await ws.OpenEngineAsync();
        // The state a kill -9 leaves between the manifest at one destination and the catalog's record of success.
        const string artifact = "files_2025-11-14.tar.zst";
        Directory.CreateDirectory(ws.Local);
        File.WriteAllBytes(Path.Combine(ws.Local, artifact), [1, 2, 3]);
        File.WriteAllText(Path.Combine(ws.Local, ArtifactName.ManifestOf(artifact)), "{}");
        var started = new DateTimeOffset(2025, 11, 13, 19, 0, 0, TimeSpan.Zero);
        await engine.Catalog.SaveAsync(new BackupRecord("deadbeef", "files", artifact, "files", BackupStatus.Running, started, null, 0, null, [], null, null, null, null));

        var next = await engine.RunAsync("files");

        Assert.Equal(BackupStatus.Complete, next.Status);
        Assert.Equal([next.Record!.Artifact, ArtifactName.ManifestOf(next.Record.Artifact)], FaultWorkspace.Visible(ws.Local));
        Assert.Equal(BackupStatus.Interrupted, (await engine.Catalog.FindAsync("deadbeef"))!.Status);
        Assert.Contains(ws.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal) && l.Contains(artifact, StringComparison.Ordinal) && l.Contains("leftovers removed: 2", StringComparison.Ordinal));
    }
}
