namespace Jaga.Cli;

/// <summary>A mistake in what the user gave (flags, files, plan): printed as one clear message, exit code 2, no stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);
