using Jaga.Core.Errors;

namespace Jaga.Cli;

/// <summary>A mistake in what the user gave on the command line (flags, files): printed as one clear message (and its
/// hint), exit code 2, no stack trace. The command line's own <see cref="UserException"/>.</summary>
internal sealed class UserError(string message, string? hint = null, Exception? inner = null) : UserException(message, hint, inner);
