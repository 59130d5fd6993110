namespace Jaga.Dashboard.Emergency;

/// <summary>What the emergency page shows, every text already masked with the plan's secrets: the plan's runbooks, the newest
/// runs with their steps, the runs waiting for an approval, and the open and recent incidents with their timelines.</summary>
public sealed record EmergencyView(
    IReadOnlyList<RunbookCard> Runbooks, IReadOnlyList<RunView> Runs, IReadOnlyList<ApprovalWait> Waiting, IReadOnlyList<IncidentView> Open, IReadOnlyList<IncidentView> Recent);

/// <summary>A runbook of the plan: its procedure as <c>jaga runbook show</c> prints it, its parameters (the run form's fields)
/// and the steps that wait for approval.</summary>
public sealed record RunbookCard(string Name, string Trigger, string Document, IReadOnlyList<RunbookField> Fields, IReadOnlyList<string> Approvals, bool ReviewBefore);

/// <summary>A parameter of a runbook, as the run form asks for it.</summary>
public sealed record RunbookField(string Name, string Type, bool Required, string? Default, IReadOnlyList<string> Allowed, string? Description);

/// <summary>A run of a runbook with its step timeline.</summary>
public sealed record RunView(
    string Id, string Runbook, string Status, string StatusWord, string Trigger, string StartedBy, DateTimeOffset Started, DateTimeOffset? Ended, long? Incident,
    string? Detail, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<StepView> Steps);

/// <summary>One attempt at one step: when it started and ended, how, and the tail of its output.</summary>
public sealed record StepView(
    int Number, string Name, string Kind, int Attempt, DateTimeOffset Started, DateTimeOffset? Ended, string Outcome, string OutcomeWord, int? ExitCode,
    string? Detail, string? Tail, IReadOnlyList<string> Approvals);

/// <summary>A run waiting at an approve step: what it asks, how many have approved of how many needed (null: the plan no
/// longer says), and who.</summary>
public sealed record ApprovalWait(string Run, string Runbook, string Step, string? Prompt, int Given, int? Needed, IReadOnlyList<string> By);

/// <summary>An incident and its timeline.</summary>
public sealed record IncidentView(
    long Id, string Title, string Key, DateTimeOffset Opened, DateTimeOffset? Acknowledged, string? AcknowledgedBy, DateTimeOffset? Closed, string? ClosedBy,
    IReadOnlyList<IncidentLine> Timeline);

/// <summary>A line of an incident's timeline: when, what kind (in the plan's language), and what.</summary>
public sealed record IncidentLine(DateTimeOffset At, string Kind, string Text);

/// <summary>The confirmation screen of a run: the parameters as checked (defaults filled in), each step as the dry run sees it
/// (the lines <c>jaga runbook run</c> prints before it asks) and how many would not succeed now, or why it cannot run
/// (<see cref="Problem"/>, <see cref="Hint"/>).</summary>
public sealed record RunbookPreview(
    string Runbook, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<string> Lines, int NotReady, bool ReviewBefore, string? Problem, string? Hint);

/// <summary>How an act of the page went: done, or refused with the CLI's message and hint; the run it started or approved.</summary>
public sealed record EmergencyAct(bool Done, string Message, string? Hint = null, string? Run = null);
