namespace Jaga.Core.Errors;

/// <summary>A mistake in what the user gave: a flag, a file, the plan, a key, a server the plan names that cannot be
/// reached. The command line prints the message and the hint on one line each, no stack trace, and exits 2.</summary>
/// <remarks>Not sealed: the pillars derive their own user errors (a missing key, a wrong restore target) so callers can
/// tell them apart, while the command line needs only this one type to map them all.</remarks>
public class UserException(string message, string? hint = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What to do about it, when there is more to say than the message.</summary>
    public string? Hint { get; } = hint;
}
