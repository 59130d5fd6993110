using Jaga.Core.Backup;
using Jaga.Core.Crypto;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Destinations;
using Jaga.Engine.Backup.Pipeline;
using Jaga.Engine.Backup.Sources;
using Jaga.Postgres.Backup;
using Jaga.S3;
using Jaga.Sftp;
using Jaga.Sqlite.Backup;

namespace Jaga.Engine.Backup;

/// <summary>The adapters the plan names: local folders, SFTP and S3 destinations; PostgreSQL, SQLite and files sources.</summary>
/// <param name="plan"></param>
/// <param name="waits">The clock of the pauses between a destination's own retries (real time: they wait for a server).</param>
/// <param name="identity">An age identity file given on the command line; it wins over the plan's and the environment's.</param>
public sealed class BackupConnectors(LoadedPlan plan, TimeProvider waits, string? identity = null) : IBackupConnectors
{
    public const string IdentityVariable = "JAGA_AGE_IDENTITY";

    public IBackupDestination Destination(string name)
    {
        if (!plan.Plan.Destinations.TryGetValue(name, out var d)) throw new ArgumentException($"the plan has no destination '{name}'");
        return d.Kind switch
        {
            "local" => new LocalDestination(name, plan.Resolve(d.Path!)),
            "s3" => new S3Destination(name, d, waits),
            _ => new SftpDestination(name, d, plan.Directory),
        };
    }

    public string Display(string destination, string artifact)
    {
        if (!plan.Plan.Destinations.TryGetValue(destination, out var d)) return artifact;
        return d.Kind switch
        {
            // As the plan names the folder: the seed's "backup/db_2025-11-15.sql".
            "local" => Path.Combine(d.Path!, artifact).Replace('\\', '/').Replace("//", "/", StringComparison.Ordinal),
            "s3" => $"{d.S3!.TrimEnd('/')}/{artifact}",
            _ => $"{WithoutPassword(d.Sftp!).TrimEnd('/')}/{artifact}",
        };
    }

    public IBackupSource Source(BackupJob job)
    {
        var s = job.Source;
        if (s.Postgres is not null) return new PostgresSource(s.Postgres, job.Format);
        if (s.Sqlite is not null) return new SqliteSource(plan.Resolve(s.Sqlite));
        if (s.Files is not null) return new FilesSource(plan.Directory, s.Files, s.Exclude);
        throw new BackupSourceException($"backup {job.Name}: MySQL sources are not in this release");
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
        var keys = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.OrdinalIgnoreCase)).ToList();
        if (keys.Count == 0) throw new BackupKeyException($"{file} holds no age identity (a line AGE-SECRET-KEY-1…, as 'age-keygen' writes)");
        return Age.DecryptFrom(input, keys);
    }

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace = false) => manifest.Source.Kind switch
    {
        "postgres" => into.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || into.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? new PostgresRestoreTarget(into, manifest.Source.Format ?? "plain", replace: replace)
            : throw new ArgumentException("--into: a PostgreSQL backup restores into a database: give a postgres://user@host/db URL"),
        "sqlite" => new SqliteRestoreTarget(into),
        "files" => new FilesRestoreTarget(into, [.. manifest.Tables.Keys]),
        _ => throw new ArgumentException($"backups of kind '{manifest.Source.Kind}' cannot be restored by this release"),
    };

    public async Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct)
    {
        var source = manifest.Source;
        switch (source.Kind)
        {
            case "postgres":
                if (restoreInto is null)
                    throw new ArgumentException("a test restore of a PostgreSQL backup needs a server to restore into: set verify.restore_into to a postgres:// URL (a scratch database is created there and dropped)");
                var db = await PostgresScratchDatabase.CreateAsync(restoreInto, source.Format ?? "plain", ct: ct);
                return new ScratchTarget(db.Target, db.DisposeAsync);
            case "sqlite":
                var file = SqliteScratchFile.Create();
                return new ScratchTarget(file.Target, file.DisposeAsync);
            case "files":
                var folder = FilesScratchFolder.Create([.. manifest.Tables.Keys]);
                return new ScratchTarget(folder.Target, folder.DisposeAsync);
            default:
                throw new ArgumentException($"backups of kind '{source.Kind}' cannot be restored by this release");
        }
    }

    private static string WithoutPassword(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.UserInfo.Contains(':')
            ? url.Replace(u.UserInfo + "@", u.UserInfo[..u.UserInfo.IndexOf(':')] + "@", StringComparison.Ordinal)
            : url;
}
