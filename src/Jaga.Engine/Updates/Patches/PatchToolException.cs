namespace Jaga.Engine.Updates.Patches;

/// <summary>apt or dpkg failed, or printed what Jaga cannot read: the check or the apply did not happen (exit 1). The
/// message, in the reader's language, carries apt's own last error line.</summary>
public sealed class PatchToolException(string message, Exception? inner = null) : Exception(message, inner);
