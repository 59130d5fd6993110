namespace Jaga.Engine.Audit;

/// <summary>The audit signing key is missing, unreadable or not a key: the user has to act.</summary>
public sealed class AuditKeyException(string message) : Core.Errors.UserException(message);
