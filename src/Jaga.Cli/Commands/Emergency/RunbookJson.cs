using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Values;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>The parts of a runbook that <c>jaga runbook list</c> and <c>show</c> write as JSON, in the plan's own words.</summary>
internal static class RunbookJson
{
    public static JsonObject? Trigger(RunbookTrigger? trigger) => trigger switch
    {
        null => null,
        CheckTrigger c => new JsonObject { ["check"] = c.Check, ["failing_for"] = c.FailingFor is { } f ? DurationValue.Format(f) : null },
        BackupTrigger b => new JsonObject { ["backup"] = b.Backup },
        HeartbeatTrigger h => new JsonObject { ["heartbeat"] = h.Heartbeat },
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger.GetType().Name, "a kind of trigger without JSON"),
    };

    /// <summary>The trigger in a table cell: <c>check api 3m</c>, <c>backup db</c>, <c>heartbeat nightly</c>, <c>manual</c>.</summary>
    public static string TriggerWord(RunbookTrigger? trigger) => trigger switch
    {
        null => "manual",
        CheckTrigger { FailingFor: { } f } c => $"check {c.Check} ({DurationValue.Format(f)})",
        CheckTrigger c => $"check {c.Check}",
        BackupTrigger b => $"backup {b.Backup}",
        HeartbeatTrigger h => $"heartbeat {h.Heartbeat}",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger.GetType().Name, "a kind of trigger without a word"),
    };

    public static JsonObject Param(RunbookParam p, Func<string, string> redact) => new()
    {
        ["name"] = p.Name,
        ["type"] = EnumWord.Of(p.Type),
        ["required"] = p.Required,
        ["default"] = p.Default is null ? null : redact(p.Default),
        ["allowed"] = new JsonArray([.. p.Allowed.Select(a => (JsonNode)redact(a))]),
        ["description"] = p.Description is null ? null : redact(p.Description),
    };
}
