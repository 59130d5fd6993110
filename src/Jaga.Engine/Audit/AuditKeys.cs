using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Files;

namespace Jaga.Engine.Audit;

/// <summary>The checkpoint signing key on disk: private key mode 0600, public key beside it.</summary>
public static class AuditKeys
{
    public static string PrivatePath(LoadedPlan plan) => plan.Resolve(plan.Plan.Audit.Key);

    public static string PublicPath(LoadedPlan plan) => plan.Resolve(plan.Plan.Audit.PublicKey);

    /// <summary>Creates the key pair if the private key does not exist; returns the key and whether it was created.</summary>
    public static (SigningKey Key, bool Created) LoadOrCreate(LoadedPlan plan)
    {
        var privatePath = PrivatePath(plan);
        if (File.Exists(privatePath)) return (SigningKey.FromPrivatePem(File.ReadAllText(privatePath)), false);
        var key = SigningKey.Generate();
        AtomicFile.WriteAllText(privatePath, key.PrivatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AtomicFile.WriteAllText(PublicPath(plan), key.PublicPem(),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return (key, true);
    }

    /// <summary>The key that verifies: an explicit public key file, else the plan's public key, else the public half of the private key.</summary>
    public static SigningKey? LoadPublic(LoadedPlan plan, string? explicitPath)
    {
        if (explicitPath is not null) return SigningKey.FromPublicPem(File.ReadAllText(explicitPath));
        var pub = PublicPath(plan);
        if (File.Exists(pub)) return SigningKey.FromPublicPem(File.ReadAllText(pub));
        var priv = PrivatePath(plan);
        return File.Exists(priv) ? SigningKey.FromPrivatePem(File.ReadAllText(priv)) : null;
    }
}
