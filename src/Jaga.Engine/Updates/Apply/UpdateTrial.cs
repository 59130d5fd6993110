using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Updates.Apply;

/// <summary>Tries a set of updates in the project: snapshot, rollback record, edits, lock refresh, tests; keeps them when the
/// tests pass, and otherwise puts every file back byte for byte (checked by SHA-256) before it returns.</summary>
/// <param name="root">The project root (absolute).</param>
/// <param name="test">The test command's words.</param>
/// <param name="timeout">How long one lock refresh or one test run may take.</param>
/// <param name="runner">Runs commands in their own process group, output masked.</param>
/// <param name="env">Variables added to the commands' environment.</param>
/// <param name="words">The language of the reasons.</param>
internal sealed class UpdateTrial(string root, IReadOnlyList<string> test, TimeSpan timeout, ProcessStepRunner runner,
    IReadOnlyDictionary<string, string> env, Catalog words)
{
    /// <summary>Runs the test command on the project as it is.</summary>
    public Task<StepResult> TestAsync(CancellationToken ct) => runner.RunAsync(Spec(test, root), ct: ct);

    /// <summary>Applies <paramref name="updates"/> together and runs the tests. On failure, on cancellation and on any
    /// exception the files are restored first; a restore that does not read back identical leaves the rollback record on
    /// disk for the next run and throws.</summary>
    public async Task<TrialResult> TryAsync(string group, IReadOnlyList<PlannedUpdate> updates, IProgress<UpdateProgress>? progress, CancellationToken ct)
    {
        var changes = ManifestEdits.Apply(root, updates);
        var refreshes = changes.SelectMany(c => LockRefresh.For(root, c.Path, c.Kind)).DistinctBy(r => r.LockPath, StringComparer.Ordinal).ToList();
        var snapshot = FileSnapshot.Take(root, [.. changes.Select(c => c.Path), .. refreshes.Select(r => r.LockPath)]);
        var record = RollbackRecord.Write(snapshot, updates.Select(u => u.Pinned));
        var kept = false;
        try
        {
            foreach (var change in changes) await File.WriteAllBytesAsync(RelativePath.Full(root, change.Path), ManifestEdits.Bytes(change.After), ct);
            foreach (var refresh in refreshes)
            {
                progress?.Report(new UpdateProgress(UpdateStage.LockRefresh, group, updates, refresh.Describe(root)));
                var done = await runner.RunAsync(Spec(refresh.Command, refresh.Folder), ct: ct);
                ct.ThrowIfCancellationRequested();
                if (!done.Succeeded) return TrialResult.Failed(words.Format("reason.update.lock.failed", refresh.Describe(root), done.Reason), done.Tail);
            }
            progress?.Report(new UpdateProgress(UpdateStage.Testing, group, updates, string.Join(' ', test)));
            var tested = await TestAsync(ct);
            ct.ThrowIfCancellationRequested();
            if (!tested.Succeeded) return TrialResult.Failed(words.Format("reason.update.tests.failed", tested.Reason), tested.Tail);
            kept = true;
            return TrialResult.Passed;
        }
        finally
        {
            if (!kept) snapshot.Restore();
            record.Delete();
        }
    }

    private ProcessSpec Spec(IReadOnlyList<string> command, string folder) =>
        ProcessSpec.Exec(command[0], [.. command.Skip(1)]) with { WorkingDirectory = folder, Timeout = timeout, Env = env };
}
