namespace Jaga.Cli.Composition;

/// <summary>What a backup command adds to the plan's backup services.</summary>
/// <param name="Identity">An age identity file from <c>--identity</c>; it wins over the plan's and the environment's.</param>
/// <param name="OnRetry">Called before a destination is tried again (a command shows it on stderr).</param>
/// <param name="RetryClock">The clock retry pauses wait on, when not the plan's (a command waits in real time).</param>
internal sealed record BackupOptions(string? Identity = null, Action<string, int, string>? OnRetry = null, TimeProvider? RetryClock = null);
