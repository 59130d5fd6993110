using System.Text.Json;
using System.Text.RegularExpressions;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>What both stores check and how they write the Emergency pillar's records: statuses and outcomes as lower-case
/// words (<see cref="StoredWord"/>), parameters as a JSON object, and the caller's mistakes refused before any SQL runs.</summary>
public static partial class EmergencyText
{
    public static string ToText(this RunbookRunStatus status) => StoredWord.Text(status);

    public static string ToText(this StepAttemptOutcome outcome) => StoredWord.Text(outcome);

    public static string ToText(this IncidentEventKind kind) => StoredWord.Text(kind);

    public static string ToText(this DrillOutcome outcome) => StoredWord.Text(outcome);

    public static RunbookRunStatus ParseStatus(string text) => StoredWord.Parse<RunbookRunStatus>(text);

    public static StepAttemptOutcome ParseStepOutcome(string text) => StoredWord.Parse<StepAttemptOutcome>(text);

    public static IncidentEventKind ParseEventKind(string text) => StoredWord.Parse<IncidentEventKind>(text);

    public static DrillOutcome ParseDrillOutcome(string text) => StoredWord.Parse<DrillOutcome>(text);

    /// <summary>Running or waiting for approval: a node drives the run.</summary>
    public static bool Active(this RunbookRunStatus status) => status is RunbookRunStatus.Running or RunbookRunStatus.WaitingApproval;

    /// <summary>The stored words of the statuses a take-over accepts without looking at the lease.</summary>
    public static readonly string ResumableWords =
        string.Join(", ", new[] { RunbookRunStatus.Failed, RunbookRunStatus.Interrupted, RunbookRunStatus.WaitingApproval }.Select(s => $"'{s.ToText()}'"));

    /// <summary>The stored words of the active statuses, for SQL.</summary>
    public static readonly string ActiveWords =
        string.Join(", ", new[] { RunbookRunStatus.Running, RunbookRunStatus.WaitingApproval }.Select(s => $"'{s.ToText()}'"));

    /// <summary>A new run as every store must take it: a well-formed id, names, a positive lease.</summary>
    public static RunbookRunStart Start(RunbookRunStart run, string node, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(run);
        RunId(run.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Runbook);
        ArgumentNullException.ThrowIfNull(run.Parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Trigger);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.StartedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return run;
    }

    /// <summary>Eight lower-case hex digits, as the executor chooses them.</summary>
    public static string RunId(string id) =>
        id is not null && RunIdPattern().IsMatch(id) ? id : throw new ArgumentException($"a run id is eight lower-case hex digits, not '{id}'", nameof(id));

    /// <summary>The end of a step attempt, checked: outputs bounded as <see cref="StepAttemptEnd"/> says.</summary>
    public static StepAttemptEnd End(StepAttemptEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        if (end.Output?.Length > StepAttemptEnd.MaxOutputChars)
            throw new ArgumentException($"a step's stored output is at most {StepAttemptEnd.MaxOutputChars} characters, not {end.Output.Length}", nameof(end));
        if (end.OutputTail?.Length > StepAttemptEnd.MaxTailChars)
            throw new ArgumentException($"a step's stored output tail is at most {StepAttemptEnd.MaxTailChars} characters, not {end.OutputTail.Length}", nameof(end));
        return end;
    }

    /// <summary>A JSON object of strings, keys sorted, as an audit entry's data is stored.</summary>
    public static string ParametersToJson(IReadOnlyDictionary<string, string> parameters) => AuditData.ToJson(parameters);

    public static IReadOnlyDictionary<string, string> ParametersFromJson(string json) =>
        JsonSerializer.Deserialize(json, AuditJsonContext.Default.DictionaryStringString)
        ?? throw new FormatException("stored run parameters are not a JSON object");

    /// <summary>A duration as the stores keep it: whole milliseconds (truncated, as times are).</summary>
    public static long? Milliseconds(TimeSpan? duration) => duration is { } d ? d.Ticks / TimeSpan.TicksPerMillisecond : null;

    public static TimeSpan? Duration(long? ms) => ms is { } m ? TimeSpan.FromMilliseconds(m) : null;

    [GeneratedRegex("^[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
