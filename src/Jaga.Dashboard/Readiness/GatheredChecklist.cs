using Jaga.Core.Readiness;

namespace Jaga.Dashboard.Readiness;

/// <summary>A readiness checklist as it was gathered, and when its gathering began (the evidence is as of then).</summary>
public sealed record GatheredChecklist(ChecklistReport Report, DateTimeOffset At);
