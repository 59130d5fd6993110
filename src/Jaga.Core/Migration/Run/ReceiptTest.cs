namespace Jaga.Core.Migration.Run;

/// <summary>The integration tests' run in a migration receipt.</summary>
/// <param name="Command">The plan's <c>migration.test</c>.</param>
/// <param name="Passed">Whether they passed (exit code 0 within the timeout).</param>
/// <param name="ExitCode">The exit code; null when the command did not exit on its own (not started, timed out).</param>
/// <param name="Duration">How long they ran.</param>
/// <param name="Tail">The end of their output, masked.</param>
public sealed record ReceiptTest(string Command, bool Passed, int? ExitCode, TimeSpan Duration, string Tail);
