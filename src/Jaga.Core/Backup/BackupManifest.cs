using Jaga.Core.Plan;

namespace Jaga.Core.Backup;

/// <summary>The sidecar written last beside each artifact (<c>….manifest.json</c>): what the artifact is and how to check it.
/// An artifact without its manifest is incomplete and never counts as a backup. Holds no secret: recipients are public keys.</summary>
public sealed record BackupManifest(
    string Format,
    string Id,
    string Job,
    string Artifact,
    ManifestSource Source,
    IReadOnlyDictionary<string, string> Tools,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    long Size,
    string Sha256,
    Compression Compression,
    ManifestEncryption? Encryption,
    IReadOnlyDictionary<string, long> Tables,
    string JagaVersion)
{
    public const string CurrentFormat = "jaga-backup-manifest/1";
}

/// <summary>What was backed up: <c>postgres</c>, <c>sqlite</c> or <c>files</c>, the server's version, and for PostgreSQL the dump format.</summary>
public sealed record ManifestSource(SourceKind Kind, string? ServerVersion, DumpFormat? Format);

/// <summary>How the artifact is encrypted: age v1 to these recipients, and/or a passphrase (scrypt); <paramref name="Armored"/>
/// when written in age's ASCII armor (absent in manifests written before armor existed: false, and reading detects it anyway).</summary>
public sealed record ManifestEncryption(string Format, IReadOnlyList<string> Recipients, bool Passphrase, bool Armored = false)
{
    public const string Age = "age-encryption.org/v1";
}
