namespace Jaga.Core.Env;

/// <summary>One key set in an env file: what became of it, and the HMAC-SHA256 of its new value under the installation's key
/// (<see cref="EnvValue.Hmac"/>, lower-case hex), which the audit entry keeps instead of the value.</summary>
public sealed record EnvKeyChange(string Key, EnvChange Change, string ValueHmac);
