namespace Jaga.Core.Messages;

/// <summary>The texts of runbook steps carried out one at a time (<c>Jaga.Engine.Emergency.Steps</c>): why a step ended
/// as it did, and how honest its dry run is. Commands, paths, hosts and conditions quoted are arguments and stay as written.</summary>
internal static class StepCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["word.step.succeeded"] = "succeeded",
        ["word.step.failed"] = "failed",
        ["word.step.timedout"] = "timed out",
        ["word.step.cancelled"] = "cancelled",
        ["word.dryrun.simulated"] = "simulated",
        ["word.dryrun.preconditionschecked"] = "preconditions checked",
        ["word.dryrun.cannotsimulate"] = "cannot be simulated",
        ["reason.step.exit.ok"] = "exit code {0}",
        ["reason.step.exit.failed"] = "exit code {0}, accepted: {1}",
        ["reason.step.exit.not.found"] = "exit code {0} (command not found), accepted: {1}",
        ["reason.step.exit.not.executable"] = "exit code {0} (not executable), accepted: {1}",
        ["reason.step.exit.signal"] = "exit code {0} (killed by signal {1}), accepted: {2}",
        ["reason.step.timed.out"] = "timed out after {0}; {1}",
        ["reason.step.cancelled"] = "cancelled after {0}; {1}",
        ["reason.step.group.term"] = "process group stopped with SIGTERM",
        ["reason.step.group.kill"] = "process group killed with SIGKILL after {0} of grace",
        ["reason.step.group.tree"] = "process tree killed",
        ["reason.step.dir.missing"] = "working directory {0} does not exist",
        ["reason.step.start.failed"] = "could not start {0}: {1}",
        ["reason.step.output.omitted"] = "[… {0} characters omitted …]",
        ["reason.step.http.timed.out"] = "timed out after {0}",
        ["reason.step.http.cancelled"] = "cancelled after {0}",
        ["reason.step.sleep.done"] = "waited {0}",
        ["reason.step.sleep.cancelled"] = "cancelled after {0} of {1}",
        ["reason.step.dry.sleep"] = "would wait {0}",
        ["reason.step.dry.found"] = "{0} found at {1}",
        ["reason.step.dry.missing"] = "{0} not found on PATH ({1})",
        ["reason.step.dry.not.executable"] = "{0} is not an executable file",
        ["reason.step.dry.builtin"] = "{0} is a shell builtin",
        ["reason.step.dry.first"] = "first command: {0}; the rest of the shell line is not checked",
        ["reason.step.dry.complex"] = "a shell line that starts with {0}: what it runs cannot be checked without running it",
        ["reason.step.dry.dir.missing"] = "working directory {0} does not exist",
        ["reason.step.dry.reachable"] = "{0} accepts TCP connections (no request sent)",
        ["reason.step.dry.unreachable"] = "{0} is not reachable: {1}",
    };
}
