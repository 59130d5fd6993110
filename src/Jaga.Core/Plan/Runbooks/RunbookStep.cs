namespace Jaga.Core.Plan;

/// <summary>One step of a runbook, chosen by the key that names it: <see cref="CommandStep"/> (<c>run</c>),
/// <see cref="HttpStep"/>, <see cref="WaitStep"/>, <see cref="BackupStep"/>, <see cref="RestoreBackupStep"/>,
/// <see cref="NotifyStep"/>, <see cref="ApprovalStep"/>, <see cref="LogStep"/>, <see cref="SleepStep"/>.</summary>
/// <remarks>Text fields keep their <c>${…}</c> references as written (<see cref="Emergency.StepTemplate"/>): parameters,
/// earlier steps' outputs and environment variables are filled in only when the step runs, so a secret is never part of
/// the plan's records, a run's record or the printed procedure.</remarks>
/// <param name="Name">The step's name (<c>${steps.NAME.output}</c>); a <see cref="Runbook"/> gives an unnamed step
/// its <see cref="DefaultName"/>.</param>
/// <param name="Timeout">How long the step may take; see <see cref="Runbook.TimeoutOf"/>.</param>
/// <param name="OnFailure">What the runbook does when the step fails.</param>
public abstract record RunbookStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure)
{
    /// <summary>The key that names the step's kind (<c>run</c>, <c>http</c>, …), for names and display.</summary>
    public abstract string Kind { get; }

    /// <summary>The name of an unnamed step: its kind and its number in the runbook, from 1 (<c>run-1</c>).</summary>
    public static string DefaultName(string kind, int index) => $"{kind.Replace('_', '-')}-{index + 1}";
}
