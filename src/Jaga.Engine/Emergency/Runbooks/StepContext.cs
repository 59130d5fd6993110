using Jaga.Core.Emergency;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Redaction;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>One step about to act within its run: the run, the runbook, the step, the parameters and earlier outputs its
/// templates may use, and the redactor that masks what it shows. <see cref="Resolve"/> fills a text in and adds the secrets
/// that went into it to <see cref="Redactor"/>, so they are masked in whatever the step prints or returns afterwards.</summary>
internal sealed class StepContext(
    RunbookRun run, Runbook runbook, int index, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, StepOutput> outputs,
    LoadedPlan plan, RunbookListener listener)
{
    public RunbookRun Run => run;
    public Runbook Runbook => runbook;
    public int Index => index;
    public RunbookStep Step => runbook.Steps[index];
    public RunbookListener Listener => listener;

    /// <summary>The plan's redactor and every secret a template of this step resolved so far.</summary>
    public Redactor Redactor { get; private set; } = plan.Redactor;

    /// <summary>Fills in <paramref name="text"/>; <paramref name="quote"/> applies to parameter and step values (a shell line).</summary>
    public string Resolve(string text, Func<string, string>? quote = null)
    {
        var resolved = StepTemplate.Resolve(text, parameters, outputs, plan.Lookup, quote);
        if (resolved.Secrets.Count > 0) Redactor = Redactor.With(resolved.Secrets);
        return resolved.Value;
    }
}
