namespace Jaga.Core.Crypto;

/// <summary>An age file that cannot be read or decrypted, with the reason: a wrong key or passphrase, or a file that is not
/// (or no longer) what age wrote. The user's to act on, so a <see cref="Errors.UserException"/>.</summary>
public sealed class AgeException(AgeFailure failure, string message) : Errors.UserException(message)
{
    /// <summary>Which kind of failure this is.</summary>
    public AgeFailure Failure { get; } = failure;
}
