using Jaga.Core.Updates;

namespace Jaga.Engine.Updates.Apply;

/// <summary>Updates applied and tested together, as the caller grouped them by policy (<c>security</c>, <c>patch</c>).
/// When the tests fail with the whole group, it is bisected to find the update(s) that break them.</summary>
/// <param name="Name">The group's name, shown in progress and stored with each update's journal entry.</param>
/// <param name="Updates">Its updates, in the order they are tried.</param>
public sealed record UpdateGroup(string Name, IReadOnlyList<PlannedUpdate> Updates);
