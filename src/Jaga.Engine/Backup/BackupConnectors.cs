using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Crypto;
using Jaga.Core.Errors;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Engine.Backup;

/// <summary>The parts the plan names, from the adapters that serve them: destinations, sources, restore targets, keys.</summary>
/// <param name="plan">The plan whose names are looked up.</param>
/// <param name="adapters">Which adapter serves each kind (built once in the composition root).</param>
/// <param name="waits">The clock of the pauses between a destination's own retries (real time: they wait for a server).</param>
/// <param name="identity">An age identity file given on the command line; it wins over the plan's and the environment's.</param>
public sealed class BackupConnectors(LoadedPlan plan, AdapterSet adapters, TimeProvider waits, string? identity = null) : IBackupConnectors
{
    public const string IdentityVariable = "JAGA_AGE_IDENTITY";

    /// <summary>The variable holding the passphrase of an identity file that is itself encrypted.</summary>
    public const string IdentityPassphraseVariable = "JAGA_AGE_IDENTITY_PASSPHRASE";

    public IBackupDestination Destination(string name)
    {
        if (!plan.Plan.Destinations.TryGetValue(name, out var d)) throw new UserException($"the plan has no destination '{name}'");
        return FromPlan(() => adapters.OpenDestination(name, d, plan, waits));
    }

    /// <summary>Builds an adapter from what the plan or the command line says. The adapters refuse a value they cannot use
    /// (half the S3 keys, a malformed URL) with an <see cref="ArgumentException"/> or a <see cref="FormatException"/>; here,
    /// where the value is the user's, that is a user error.</summary>
    private static T FromPlan<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new UserException(e.Message, inner: e);
        }
    }

    public string Display(string destination, string artifact)
    {
        if (!plan.Plan.Destinations.TryGetValue(destination, out var d)) return artifact;
        return d switch
        {
            // As the plan names the folder: the seed's "backup/db_2025-11-15.sql".
            LocalFolder l => Path.Combine(l.Path, artifact).Replace('\\', '/').Replace("//", "/", StringComparison.Ordinal),
            S3Store s => $"{s.S3.TrimEnd('/')}/{artifact}",
            SftpServer s => $"{WithoutPassword(s.Sftp).TrimEnd('/')}/{artifact}",
            _ => $"{d.Where.TrimEnd('/')}/{artifact}",
        };
    }

    public IBackupSource Source(BackupJob job)
    {
        var adapter = adapters.Source(job.Source.Kind)
            ?? throw new BackupSourceException($"backup {job.Name}: {Named(job.Source.Kind)} sources are not in this release");
        return FromPlan(() => adapter.Open(job, plan));
    }

    public BackupEncryption? Encryption(BackupJob job)
    {
        if (job.Encrypt is not { } e) return null;
        if (e.PassphraseEnv is { } variable)
        {
            var passphrase = plan.Variable(variable);
            if (string.IsNullOrEmpty(passphrase))
                throw new BackupKeyException($"backup {job.Name}: encrypt.passphrase_env names {variable}, which is not set (in the environment or the plan's env_files)");
            return new BackupEncryption([], passphrase, e.Armor);
        }
        return new BackupEncryption(e.Recipients, null, e.Armor);
    }

    public Stream Decrypt(Stream input, ManifestEncryption encryption, BackupJob? job)
    {
        if (encryption.Passphrase)
        {
            var variable = job?.Encrypt?.PassphraseEnv
                ?? throw new BackupKeyException("this backup is encrypted with a passphrase, and its job in the plan no longer names encrypt.passphrase_env");
            var passphrase = plan.Variable(variable);
            if (string.IsNullOrEmpty(passphrase)) throw new BackupKeyException($"this backup is encrypted with a passphrase; set {variable}");
            return Age.DecryptFrom(input, passphrase, armored: encryption.Armored ? true : null);
        }
        var file = identity
            ?? (job?.Encrypt?.Identity is { } fromPlan ? plan.Resolve(fromPlan) : null)
            ?? plan.Variable(IdentityVariable)
            ?? throw new BackupKeyException(
                $"this backup is encrypted to {string.Join(", ", encryption.Recipients.Select(r => r.Length > 100 ? r[..32] + "…" : r))}; give the matching age identity with --identity FILE, encrypt.identity in the plan, or {IdentityVariable}");
        var bytes = Files.InputFile.ReadBytes(file, Files.InputFile.SmallFileLimit, "age identity file")
            ?? throw new BackupKeyException($"the age identity file {file} does not exist");
        var lines = IdentityText(file, bytes).Split('\n').Select(l => l.Trim()).ToList();
        var keys = lines.Where(AgeKeys.LooksLikeIdentity).ToList();
        if (keys.Count == 0)
            throw new BackupKeyException($"{file} holds no age identity (a line AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…, as 'jaga backup keygen' or 'age-keygen' writes)");
        return Age.DecryptFrom(input, keys, encryption.Armored ? true : null);
    }

    /// <summary>An identity file's text. One that is itself age-encrypted with a passphrase (binary, or armored as
    /// <c>age -a -p</c> leaves it) is opened with the passphrase in <see cref="IdentityPassphraseVariable"/>: age asks for
    /// it on a terminal, and Jaga runs unattended.</summary>
    private string IdentityText(string file, byte[] bytes)
    {
        var start = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64)).TrimStart();
        if (!start.StartsWith("age-encryption.org/v1", StringComparison.Ordinal) && !start.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", StringComparison.Ordinal))
            return System.Text.Encoding.UTF8.GetString(bytes);
        var passphrase = plan.Variable(IdentityPassphraseVariable);
        if (string.IsNullOrEmpty(passphrase))
            throw new BackupKeyException(
                $"{file} is an age identity file encrypted with a passphrase; set {IdentityPassphraseVariable} (in an env_files file or the environment), or decrypt it once (age -d -o KEY_FILE {file}) and give KEY_FILE, kept off the backup destinations");
        try
        {
            using var decrypted = Age.DecryptFrom(new MemoryStream(bytes), passphrase);
            using var reader = new StreamReader(decrypted, System.Text.Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (AgeException e)
        {
            throw new BackupKeyException($"cannot open the age identity file {file} with {IdentityPassphraseVariable}: {e.Message}");
        }
    }

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace = false) =>
        FromPlan(() => Restorer(manifest).Target(manifest, into, replace));

    public Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct) =>
        Restorer(manifest).ScratchAsync(manifest, restoreInto, ct);

    private ISourceAdapter Restorer(BackupManifest manifest) =>
        adapters.Source(manifest.Source.Kind)
            ?? throw new UserException($"backups of kind '{EnumWordOf(manifest.Source.Kind)}' cannot be restored by this release");

    private static string EnumWordOf(SourceKind kind) => Core.Plan.Schema.EnumWord.Of(kind);

    private static string Named(SourceKind kind) => kind switch
    {
        SourceKind.Postgres => "PostgreSQL",
        SourceKind.Sqlite => "SQLite",
        SourceKind.Mysql => "MySQL",
        SourceKind.Files => "files",
    };

    private static string WithoutPassword(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.UserInfo.Contains(':')
            ? url.Replace(u.UserInfo + "@", u.UserInfo[..u.UserInfo.IndexOf(':')] + "@", StringComparison.Ordinal)
            : url;
}
