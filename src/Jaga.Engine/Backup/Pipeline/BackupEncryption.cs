using Jaga.Core.Crypto;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>How a job encrypts (age v1): to X25519 recipients, or with a passphrase (scrypt). age allows one or the
/// other in a file, not both. <paramref name="Armor"/>: the file is written in age's ASCII armor.</summary>
public sealed record BackupEncryption(IReadOnlyList<string> Recipients, string? Passphrase, bool Armor = false)
{
    /// <summary>A stream that encrypts into <paramref name="output"/>; dispose it to write the last chunk (and the armor's end).</summary>
    public Stream Open(Stream output) =>
        Passphrase is not null ? Age.EncryptTo(output, Passphrase, armor: Armor) : Age.EncryptTo(output, Recipients, Armor);
}
