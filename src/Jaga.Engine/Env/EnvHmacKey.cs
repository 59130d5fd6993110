using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;

namespace Jaga.Engine.Env;

/// <summary>The installation's secret key for the HMACs of env values (<see cref="Core.Env.EnvValue.Hmac"/>): 32 random
/// bytes as 64 hex digits in <c>env-hmac.key</c> beside the state (<see cref="LoadedPlan.BesideState"/>), readable by its
/// owner only. Made on first use: written to a temporary file (mode 0600), flushed, then linked into place only when no
/// key is there yet, so two processes starting at once end up with the same key.</summary>
/// <remarks>Keep it with the state: with the key, <c>openssl dgst -sha256 -mac HMAC -macopt hexkey:$(cat .jaga/env-hmac.key)</c>
/// of a value gives the HMAC the audit holds; without it, the audit's HMACs cannot be tested against guesses. Another
/// installation (another key) gives other HMACs for the same value.</remarks>
public static class EnvHmacKey
{
    public const string FileName = "env-hmac.key";

    private const int Bytes = 32;

    /// <summary>The plan's key, made when there is none yet.</summary>
    /// <exception cref="UserException">The key file is not 64 hex digits, or it cannot be read or made.</exception>
    public static byte[] LoadOrCreate(LoadedPlan plan, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return LoadOrCreate(plan.BesideState(FileName), words);
    }

    /// <inheritdoc cref="LoadOrCreate(LoadedPlan, Catalog)"/>
    public static byte[] LoadOrCreate(string path, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        try
        {
            if (!File.Exists(path)) Create(path);
            return Read(path, words);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException(words.Format("reason.env.hmac.io", path, e.Message), words.Format("reason.env.hmac.io.hint", path), e);
        }
    }

    private static byte[] Read(string path, Catalog words)
    {
        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        if (text.Length != Bytes * 2 || !text.All(char.IsAsciiHexDigit))
            throw new UserException(words.Format("reason.env.hmac.invalid", path, Bytes * 2), words.Format("reason.env.hmac.invalid.hint", path));
        return Convert.FromHexString(text);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes)) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            try
            {
                // Not over an existing key: one made meanwhile by another process wins, and this one is dropped.
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
