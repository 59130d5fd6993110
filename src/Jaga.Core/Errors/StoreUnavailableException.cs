namespace Jaga.Core.Errors;

/// <summary>The state store cannot be reached or answered with a transient failure (connection refused, reset, timed
/// out, busy): the work is retried later, never mapped to a bug. Both store adapters raise this type and only this type
/// for such failures, so callers need one filter instead of a list of provider exceptions.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
