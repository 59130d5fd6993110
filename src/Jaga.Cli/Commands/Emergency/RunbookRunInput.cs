using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Core.Storage;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>What the commands over the record of runbook runs share: the RUN argument, a run found by its id (or a unique
/// start of it) or refused with exit 2, and the JSON shapes of a run, a step attempt and an approval, every text masked.</summary>
internal static partial class RunbookRunInput
{
    /// <summary>How many of the newest runs a start of an id is looked up among: the record of runs is small, and a run worth
    /// naming by a few digits is a recent one.</summary>
    public const int PrefixScope = 1000;

    public static Argument<string> Run() => new("RUN") { Description = "The run's id, 8 hex digits (jaga runbook runs lists them); its first 4 or more will do" };

    /// <summary>The run of <paramref name="given"/>: an id, or the start of exactly one among the newest runs.</summary>
    public static async Task<RunbookRun> FindAsync(IRunbookRuns runs, string given, Catalog words, CancellationToken ct)
    {
        var id = given.Trim().ToLowerInvariant();
        if (!Hex().IsMatch(id)) throw new UserError(words.Format("cli.runbook.run.invalid", Core.Text.QuotedValue.Shorten(given)), words["cli.runbook.run.unknown.hint"]);
        if (id.Length == 8)
            return await runs.GetAsync(id, ct) ?? throw new UserError(words.Format("cli.runbook.run.unknown", id), words["cli.runbook.run.unknown.hint"]);
        var matching = (await runs.ListAsync(null, PrefixScope, ct)).Where(r => r.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matching.Count switch
        {
            1 => matching[0],
            0 => throw new UserError(words.Format("cli.runbook.run.unknown", id), words["cli.runbook.run.unknown.hint"]),
            _ => throw new UserError(words.Format("cli.runbook.run.ambiguous", id, string.Join(", ", matching.Select(r => r.Id))), words["cli.runbook.run.ambiguous.hint"]),
        };
    }

    /// <summary>A run's status as a reader says it, in <paramref name="words"/>' language; JSON keeps the stored word.</summary>
    public static string Status(RunbookRunStatus status, Catalog words) => words["runbook.status." + status.ToText()];

    /// <summary>Whether a node drives the run now: it is active and its lease has not run out. Otherwise nobody will act on an
    /// approval until someone resumes the run.</summary>
    public static bool Driven(RunbookRun run, DateTimeOffset now) => run.Status.Active() && run.LeaseUntil >= now;

    /// <summary>How long the run took, or has taken so far.</summary>
    public static TimeSpan Duration(RunbookRun run, DateTimeOffset now)
    {
        var span = (run.EndedAt ?? now) - run.StartedAt;
        return span < TimeSpan.Zero ? TimeSpan.Zero : span;
    }

    /// <summary>The step a listing names: one that has started and not ended, else (for a run that did not succeed) the last
    /// one whose latest attempt failed, timed out or was interrupted; null when there is none.</summary>
    public static RunbookStepAttempt? CurrentStep(RunbookRun run, IReadOnlyList<RunbookStepAttempt> attempts)
    {
        var latest = Core.Emergency.StepAttempts.Latest(attempts).Values.ToList();
        if (latest.LastOrDefault(a => a.EndedAt is null) is { } open) return open;
        if (run.Status == RunbookRunStatus.Succeeded) return null;
        return latest.LastOrDefault(a => a.Outcome is StepAttemptOutcome.Failed or StepAttemptOutcome.TimedOut or StepAttemptOutcome.Interrupted);
    }

    public static JsonObject Json(RunbookRun run, DateTimeOffset now, Func<string, string> redact) => new()
    {
        ["id"] = run.Id,
        ["runbook"] = run.Runbook,
        ["status"] = run.Status.ToText(),
        ["trigger"] = redact(run.Trigger),
        ["incident"] = run.IncidentId,
        ["started_by"] = redact(run.StartedBy),
        ["started"] = Iso(run.StartedAt),
        ["ended"] = Iso(run.EndedAt),
        ["duration_s"] = Seconds(Duration(run, now)),
        ["detail"] = run.Detail is null ? null : redact(run.Detail),
        ["node"] = run.Node,
        ["lease_until"] = Iso(run.LeaseUntil),
        ["driven"] = Driven(run, now),
    };

    public static JsonObject Json(RunbookStepAttempt a, Func<string, string> redact) => new()
    {
        ["index"] = a.Index,
        ["name"] = a.Name,
        ["kind"] = a.Kind,
        ["attempt"] = a.Attempt,
        ["started"] = Iso(a.StartedAt),
        ["ended"] = Iso(a.EndedAt),
        ["outcome"] = a.Outcome?.ToText(),
        ["exit_code"] = a.ExitCode,
        ["detail"] = a.Detail is null ? null : redact(a.Detail),
        ["output_tail"] = a.OutputTail is null ? null : redact(a.OutputTail),
    };

    public static JsonObject Json(RunbookApproval a, string step, Func<string, string> redact) => new()
    {
        ["index"] = a.StepIndex,
        ["step"] = step,
        ["by"] = redact(a.By),
        ["at"] = Iso(a.At),
        ["note"] = a.Note is null ? null : redact(a.Note),
    };

    /// <summary>An id, or the first digits of one: lower-case hex (upper case is taken and lowered).</summary>
    [GeneratedRegex("^[0-9a-f]{4,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();
}
