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
            return new BackupEncryption([], passphrase);
        }
        return new BackupEncryption(e.Recipients, null);
    }

    public Stream Decrypt(Stream input, ManifestEncryption encryption, BackupJob? job)
    {
        if (encryption.Passphrase)
        {
            var variable = job?.Encrypt?.PassphraseEnv
                ?? throw new BackupKeyException("this backup is encrypted with a passphrase, and its job in the plan no longer names encrypt.passphrase_env");
            var passphrase = plan.Variable(variable);
            if (string.IsNullOrEmpty(passphrase)) throw new BackupKeyException($"this backup is encrypted with a passphrase; set {variable}");
            return Age.DecryptFrom(input, passphrase);
        }
        var file = identity
            ?? (job?.Encrypt?.Identity is { } fromPlan ? plan.Resolve(fromPlan) : null)
            ?? plan.Variable(IdentityVariable)
            ?? throw new BackupKeyException(
                $"this backup is encrypted to {string.Join(", ", encryption.Recipients)}; give the matching age identity with --identity FILE, encrypt.identity in the plan, or {IdentityVariable}");
        if (!File.Exists(file)) throw new BackupKeyException($"the age identity file {file} does not exist");
        string text;
        try
        {
            // An identity file is a few lines: /dev/zero or a FIFO given as --identity is refused, not read without end.
            text = Files.BoundedFile.ReadAllText(file, 1 << 20);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupKeyException($"cannot read the age identity file: {e.Message}");
        }
        var keys = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.OrdinalIgnoreCase)).ToList();
        if (keys.Count == 0) throw new BackupKeyException($"{file} holds no age identity (a line AGE-SECRET-KEY-1…, as 'age-keygen' writes)");
        return Age.DecryptFrom(input, keys);
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
