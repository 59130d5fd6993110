namespace Jaga.Core.Ports;

/// <summary>One line of an incident's timeline. <paramref name="Text"/> is the line's own detail (a title, a name, a reason),
/// masked by the caller; the renderer words the <paramref name="Kind"/> in the reader's language. <paramref name="Node"/> is the
/// process that added the line, or null for the lines the store writes when a person acknowledges or closes the incident
/// (the person is in the text).</summary>
public sealed record IncidentEvent(long IncidentId, DateTimeOffset At, IncidentEventKind Kind, string Text, string? Node);
