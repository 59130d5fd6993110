using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Files;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary>The checkpoint signing key on disk: private key mode 0600, public key beside it.</summary>
public static class AuditKeys
{
    public static string PrivatePath(LoadedPlan plan) => plan.Resolve(plan.Plan.Audit.Key);

    public static string PublicPath(LoadedPlan plan) => plan.Resolve(plan.Plan.Audit.PublicKey);

    /// <summary>Creates the key pair if the private key does not exist; returns the key and whether it was created.</summary>
    private static (SigningKey Key, bool Created) LoadOrCreate(LoadedPlan plan)
    {
        var privatePath = PrivatePath(plan);
        if (File.Exists(privatePath)) return (Read(privatePath, SigningKey.FromPrivatePem), false);
        if (File.Exists(PublicPath(plan)))
        {
            // A new key would make every earlier checkpoint and anchor look forged: never create one silently.
            throw new AuditKeyException($"the audit private key {plan.Plan.Audit.Key} is missing but its public key {plan.Plan.Audit.PublicKey} exists: "
                + $"restore the private key from your backup, or move {plan.Plan.Audit.PublicKey} away to start a new key (earlier checkpoints then verify only with the old public key)");
        }
        var key = SigningKey.Generate();
        try
        {
            AtomicFile.WriteAllText(privatePath, key.PrivatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            AtomicFile.WriteAllText(PublicPath(plan), key.PublicPem(),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditKeyException($"cannot write the audit key {plan.Plan.Audit.Key}: {e.Message}");
        }
        return (key, true);
    }

    /// <summary>Loads the key, or creates it and records that in the maintenance log.</summary>
    public static async Task<SigningKey> LoadOrCreateAsync(LoadedPlan plan, MaintenanceJournal journal, CancellationToken ct)
    {
        var (key, created) = LoadOrCreate(plan);
        if (created) await journal.RecordAsync(new SigningKeyCreated(plan.Plan.Audit.PublicKey, key.KeyId), ct: ct);
        return key;
    }

    /// <summary>The key that verifies: an explicit public key file, else the plan's public key, else the public half of the private key.</summary>
    public static SigningKey? LoadPublic(LoadedPlan plan, string? explicitPath)
    {
        if (explicitPath is not null) return Read(explicitPath, SigningKey.FromPublicPem);
        var pub = PublicPath(plan);
        if (File.Exists(pub)) return Read(pub, SigningKey.FromPublicPem);
        var priv = PrivatePath(plan);
        return File.Exists(priv) ? Read(priv, SigningKey.FromPrivatePem) : null;
    }

    private static SigningKey Read(string path, Func<string, SigningKey> parse)
    {
        try
        {
            // A key is a few hundred bytes: /dev/zero or a FIFO given as --key is refused, not read without end.
            return parse(Files.InputFile.ReadText(path, 64 * 1024, "key") ?? throw new FileNotFoundException($"{path} not found", path));
        }
        catch (Core.Errors.UserException e) when (e is not AuditKeyException)
        {
            throw new AuditKeyException(e.Message);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new AuditKeyException($"{path} is not an Ed25519 key in PEM form ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditKeyException($"cannot read the key {path}: {e.Message}");
        }
    }
}
