using System.Security.Cryptography;
using System.Text;

namespace Jaga.Testing;

/// <summary>The account <see cref="SshServer"/> lets in: a system user with no home and no shell
/// (<c>/usr/sbin/nologin</c>; the test server forces <c>internal-sftp</c>), created when missing. Its password is derived
/// from this boot's id, so parallel test runs on one machine agree on it and it cannot be guessed from elsewhere.</summary>
public static class SshTestUser
{
    public const string Name = "jagatest";

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool ready;

    public static string Password { get; } = "jaga-" + Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(ReadOr("/proc/sys/kernel/random/boot_id") + ReadOr("/etc/machine-id"))))[..24];

    /// <summary>Creates the user if missing and sets its password, once per process; a concurrent run may hold
    /// the password files' lock for a moment, so each step is retried.</summary>
    public static async Task EnsureAsync(TimeSpan toolTimeout)
    {
        await Setup.WaitAsync();
        try
        {
            if (ready) return;
            for (var attempt = 1; (await ChildProcess.RunAsync("id", ["-u", Name], toolTimeout)).ExitCode != 0; attempt++)
            {
                var add = await ChildProcess.RunAsync("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", Name], toolTimeout);
                if (add.ExitCode != 0 && attempt == 5) throw new InvalidOperationException($"useradd {Name} failed:\n{add.Output}");
                if (add.ExitCode != 0) await Task.Delay(500);
            }
            for (var attempt = 1; ; attempt++)
            {
                using var p = ChildProcess.Start("chpasswd", [], redirectInput: true);
                await p.StandardInput.WriteLineAsync($"{Name}:{Password}");
                p.StandardInput.Close();
                var output = await p.StandardError.ReadToEndAsync();
                await p.WaitForExitAsync();
                if (p.ExitCode == 0) break;
                if (attempt == 5) throw new InvalidOperationException($"chpasswd failed: {output}");
                await Task.Delay(500);
            }
            ready = true;
        }
        finally
        {
            Setup.Release();
        }
    }

    private static string ReadOr(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Environment.MachineName;
        }
    }
}
