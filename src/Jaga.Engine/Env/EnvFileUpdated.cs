using Jaga.Core.Env;

namespace Jaga.Engine.Env;

/// <summary>What <see cref="EnvFileUpdate.Apply"/> did.</summary>
/// <param name="Path">The file written (a symbolic link's target), full path.</param>
/// <param name="Backup">Where the previous file is kept; null when there was none, or nothing changed.</param>
/// <param name="Changes">Each key's change and its value's HMAC.</param>
public sealed record EnvFileUpdated(string Path, string? Backup, IReadOnlyList<EnvKeyChange> Changes);
