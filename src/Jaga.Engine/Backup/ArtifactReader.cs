using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Engine.Backup;

/// <summary>Reads one stored copy back the way a restore would: checksum, decrypt, decompress, all in one pass.</summary>
internal static class ArtifactReader
{
    /// <summary>Streams the plaintext of the manifest's artifact at <paramref name="d"/> into <paramref name="consume"/>
    /// (a restore, or nothing), then checks size and SHA-256 against the manifest. <see cref="CopyCheck.Problem"/> is null
    /// when the copy is good; <see cref="CopyCheck.Corrupt"/> says whether the stored bytes themselves are wrong, as opposed
    /// to a destination that cannot be read now or a key or restore that failed on intact bytes.</summary>
    public static async Task<CopyCheck> ReadAsync(
        BackupServices s, IBackupDestination d, BackupManifest manifest, BackupJob? job, Func<Stream, CancellationToken, Task> consume,
        Action<long>? read, CancellationToken ct)
    {
        HashingReadStream raw;
        try
        {
            raw = new HashingReadStream(await s.Retry.RunAsync(async c => await d.OpenReadAsync(manifest.Artifact, c), ct), read);
        }
        catch (DestinationException e)
        {
            // Missing is a damaged destination; unreachable says nothing about the copy.
            return new CopyCheck(e.Message, Corrupt: !e.Transient);
        }
        await using (raw)
        {
            try
            {
                var decrypted = manifest.Encryption is null ? raw : s.Connectors.Decrypt(raw, manifest.Encryption, job);
                await using var plain = CompressionStreams.Decompress(decrypted, manifest.Compression);
                await consume(plain, ct);
                return Compare(raw, await raw.FinishAsync(ct), manifest) is { } bad ? new CopyCheck(bad, Corrupt: true) : CopyCheck.Good;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not BackupKeyException)
            {
                var reason = Reasons.Of(e);
                // Whether the bytes are to blame is decided by the checksum of what is stored, read to the end.
                try
                {
                    var mismatch = Compare(raw, await raw.FinishAsync(ct), manifest);
                    return mismatch is null ? new CopyCheck(reason, Corrupt: false) : new CopyCheck($"{mismatch} ({reason})", Corrupt: true);
                }
                catch (Exception again) when (again is DestinationException or IOException)
                {
                    return new CopyCheck(reason, Corrupt: false);
                }
            }
        }
    }

    private static string? Compare(HashingReadStream raw, string sha, BackupManifest manifest) =>
        raw.Count != manifest.Size ? $"size {raw.Count:N0} bytes, the manifest says {manifest.Size:N0}"
        : sha != manifest.Sha256 ? $"SHA-256 {sha[..16]}… does not match the manifest's {manifest.Sha256[..16]}…"
        : null;

    /// <summary>Reads a stored copy and checks only its size and SHA-256 against the manifest (a restore's first pass:
    /// nothing is restored from a copy that is not exactly what was written). Null when good.</summary>
    public static async Task<string?> ChecksumAsync(BackupServices s, IBackupDestination d, BackupManifest manifest, Action<long>? read, CancellationToken ct)
    {
        try
        {
            await using var raw = new HashingReadStream(await s.Retry.RunAsync(async c => await d.OpenReadAsync(manifest.Artifact, c), ct), read);
            var sha = await raw.FinishAsync(ct);
            if (raw.Count != manifest.Size) return $"size {raw.Count:N0} bytes, the manifest says {manifest.Size:N0}";
            return sha == manifest.Sha256 ? null : $"SHA-256 {sha[..16]}… does not match the manifest's {manifest.Sha256[..16]}…";
        }
        catch (Exception e) when (e is DestinationException or IOException)
        {
            return Reasons.Of(e);
        }
    }

    /// <summary>Reads the rest of <paramref name="plain"/>, checking only that it decrypts and decompresses.</summary>
    public static async Task DrainAsync(Stream plain, CancellationToken ct)
    {
        var buffer = new byte[128 * 1024];
        while (await plain.ReadAsync(buffer, ct) > 0)
        {
        }
    }
}

/// <summary>What reading a copy found: nothing wrong (<see cref="Problem"/> null), damaged bytes, or a failure that is not the copy's.</summary>
internal sealed record CopyCheck(string? Problem, bool Corrupt)
{
    public static readonly CopyCheck Good = new(null, false);
}

/// <summary>The key needed to decrypt is not available: a user error, not a damaged backup.</summary>
public sealed class BackupKeyException(string message) : Core.Errors.UserException(message);
