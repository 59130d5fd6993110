namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's checklist page (English).</summary>
internal static class ChecklistPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.checklist.title"] = "Checklist",
        ["web.checklist.gathered"] = "Evidence gathered {0}.",
        ["web.checklist.never"] = "No evidence gathered yet.",
        ["web.checklist.gathering"] = "Gathering again: reload the page to see the new evidence.",
        ["web.checklist.gather"] = "Gather again",
        ["web.checklist.problem"] = "The last gathering failed: {0}",
        ["web.checklist.acked"] = "{0} acknowledged.",
        ["web.checklist.ackby"] = "Acknowledged by {0} on {1}: {2}",
        ["web.checklist.ack.needed"] = "Needs a person's acknowledgement.",
        ["web.checklist.ack.title"] = "Acknowledge a point",
        ["web.checklist.ack.hint"] = "After checking what only a person can judge; recorded in the maintenance log and the audit chain with your name.",
        ["web.checklist.ack.item"] = "Point",
        ["web.checklist.ack.note"] = "What you checked",
        ["web.checklist.ack.submit"] = "Acknowledge",
        ["web.checklist.note.blank"] = "Say what you checked: the note is empty.",
        ["web.checklist.note.long"] = "The note is too long: at most {0} characters.",
        ["dashboard.checklist.gather"] = "{0} asked to gather the checklist's evidence again from the dashboard",
        ["dashboard.checklist.joined"] = "{0} asked to gather the checklist's evidence again from the dashboard; a gathering was already under way, its result shows on the page",
    };
}
