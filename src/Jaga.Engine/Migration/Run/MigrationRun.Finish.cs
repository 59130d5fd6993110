using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Interpolation;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Migration.Run;
using Jaga.Engine.Audit;
using Jaga.Engine.Emergency.Steps;
using Jaga.Engine.Files;
using Jaga.Engine.Updates.Apply;

namespace Jaga.Engine.Migration.Run;

/// <summary>The integration tests' step and the run's end: the receipt, the run's <c>migration.run</c> entry, the seal.</summary>
public sealed partial class MigrationRun
{
    /// <summary>Step 4: the plan's <c>migration.test</c>, run without a shell in the plan's folder, with the env file's
    /// values in its environment (the process's own win, as in the plan), its output shown masked as it comes.</summary>
    private async Task<(bool, string)> TestAsync(MigrationRunPlan run, CancellationToken ct)
    {
        if (run.Test is not { } words) return (true, Words["reason.migration.tests.none"]);
        var values = EnvValues(run.EnvFile);
        var env = values.Where(v => Environment.GetEnvironmentVariable(v.Key) is null).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var runner = new ProcessStepRunner(realTime, journal.Redactor.With(values.Values), Words);
        var spec = ProcessSpec.Exec(words[0], [.. words.Skip(1)]) with { WorkingDirectory = plan.Directory, Timeout = run.Section.TestTimeout, Env = env };
        var result = await runner.RunAsync(spec, line => Progress?.Report("  " + line), ct);
        var tail = OutputTail.Of(result.Tail);
        test = new ReceiptTest(run.TestShown!, result.Succeeded, result.ExitCode, result.Duration, tail);
        if (result.Succeeded) return (true, Words.Format("reason.migration.tests.passed", run.TestShown!));
        var failed = Words.Format("reason.migration.tests.failed", run.TestShown!, result.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—");
        return (false, $"{failed}: {result.Reason}{(tail.Length > 0 ? " | " + tail.Replace('\n', ' ') : "")}");
    }

    /// <summary>The env file's values, read as the plan reads env files; none when it is missing.</summary>
    private static IReadOnlyDictionary<string, string> EnvValues(string path) =>
        InputFile.ReadText(path, InputFile.EnvFileLimit, "env file") is { } text ? EnvFile.Parse(text, path).Values : new Dictionary<string, string>();

    /// <summary>Writes the receipt beside the export, records the run's one <c>migration.run</c> entry with the receipt's
    /// SHA-256, and signs a checkpoint of the chain that now holds it (also written beside the receipt).</summary>
    private async Task<MigrationRunResult> FinishAsync(MigrationRunPlan run, DateTimeOffset started, string folder, MigrationStep? failed, string? reason)
    {
        var receipt = new MigrationReceipt(plan.Plan.Project, run.FromShown, run.ToShown, started, clock.GetUtcNow(), By, Shown(folder), failed, reason,
            [.. tables], envFile, [.. envKeys], test, [.. steps]);
        var markdown = Path.Combine(folder, MigrationReceipt.MarkdownFile);
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["from"] = run.FromShown,
            ["to"] = run.ToShown,
            ["folder"] = Shown(folder),
            ["tables"] = string.Join(",", tables.Select(t => t.Name)),
            ["rows"] = tables.Sum(t => t.SourceRows).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["env_keys"] = string.Join(",", envKeys.Select(k => k.Key)),
            ["test"] = test is null ? "none" : test.Passed ? "passed" : "failed",
        };
        string? written = null;
        try
        {
            Directory.CreateDirectory(folder);
            data["receipt_md_sha256"] = Write(markdown, MigrationReceiptText.Markdown(receipt, Words));
            data["receipt_json_sha256"] = Write(Path.Combine(folder, MigrationReceipt.JsonFile), MigrationReceiptText.Json(receipt));
            written = markdown;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder the export could not write either: the log line says the run's end all the same.
            data["receipt_error"] = e.Message;
        }
        var shownReceipt = written is null ? "—" : Shown(written);
        data["receipt"] = shownReceipt;
        Core.Journal.JournalEvent ended = failed is { } step
            ? new MigrationRunFailed(run.FromShown, run.ToShown, step, reason ?? "", shownReceipt) { Data = data }
            : new MigrationRunFinished(run.FromShown, run.ToShown, Summary(), shownReceipt) { Data = data };
        var entry = await journal.RecordAsync(ended, ct: CancellationToken.None);
        var anchor = written is null ? null : Path.Combine(folder, MigrationReceipt.CheckpointFile);
        var (seal, refused) = await Checkpoints.CreateAsync(journal, plan, clock, anchor, CancellationToken.None);
        return new MigrationRunResult(receipt, written, seal, refused?.Message) { Line = entry.Message };
    }

    private string Summary()
    {
        var tests = test is null ? Words["reason.migration.summary.tests.none"] : Words["reason.migration.summary.tests.passed"];
        var keys = envKeys.Count == 0 ? "—" : string.Join(", ", envKeys.Select(k => k.Key));
        return Words.Format("reason.migration.summary", tables.Count, tables.Sum(t => t.SourceRows), keys, tests);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> and returns its SHA-256, lower-case hex.</summary>
    private static string Write(string path, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        AtomicFile.WriteAllText(path, text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
